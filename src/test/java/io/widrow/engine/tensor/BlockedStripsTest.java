package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked strip layout and both tiles that read it, whatever this host's ISA picks (as in
 * {@link VectorTilesTest}): a strip holds exactly the A values it should, zeros where rows or k run out, and
 * each C element is the chain of fused multiply-adds along k from zero, so the expected values are exact.
 */
class BlockedStripsTest {
    @ParameterizedTest(name = "rows {0}..{1} of {2}, k from {3}, kc {4}")
    @CsvSource({"0,12,12,0,37", "0,12,12,5,16", "3,10,12,0,1", "6,11,20,9,50", "0,6,6,0,392"})
    void packPutsEveryValueWhereTheLayoutSaysAndZerosTheRest(int i0, int i1, int m, int pc, int kc) {
        assumeTrue(GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        int k = pc + kc + 3;
        int lanes = VectorTiles.L;
        int mr = VectorTiles.MR;
        float[] a = GemmEngineTest.random(new SplittableRandom(kc * 31L + i0), m * k);
        int stride = mr * BlockedStrips.padded(kc);
        int strips = (i1 - i0 + mr - 1) / mr;
        float[] dst = new float[strips * stride];
        Arrays.fill(dst, Float.NaN);
        BlockedStrips.pack(a, k, i0, i1, pc, kc, dst);
        assertThat(BlockedStrips.padded(kc) % lanes).isZero();
        assertThat(BlockedStrips.padded(kc)).isBetween(kc, kc + lanes - 1);
        for (int t = 0; t < strips; t++) {
            for (int r = 0; r < mr; r++) {
                for (int p = 0; p < BlockedStrips.padded(kc); p++) {
                    int i = i0 + t * mr + r;
                    float expected = i < i1 && p < kc ? a[i * k + pc + p] : 0f;
                    int at = t * stride + (p / lanes) * (mr * lanes) + r * lanes + p % lanes;
                    assertThat(dst[at]).as("strip %d row %d k %d", t, r, p).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} vectors, {1} rows, {2} columns short, kc {3}, add {4}")
    @CsvSource({"4,6,0,37,false", "4,6,0,1,true", "4,4,0,37,false", "4,6,3,37,false", "4,5,7,19,true",
            "4,6,0,392,false", "2,6,0,37,false", "2,6,0,1,true", "2,4,0,37,false", "2,6,3,37,false",
            "2,5,7,19,true", "2,6,0,392,true"})
    void tileMatchesAChainOfFmas(int vectors, int rows, int short_, int kc, boolean add) {
        assumeTrue(GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        int width = vectors * VectorTiles.L;
        int nw = width - short_;
        int ldc = width + 5;
        int mr = VectorTiles.MR;
        SplittableRandom rnd = new SplittableRandom(vectors * 1000 + rows * 100 + kc);
        int k = kc + 2;
        float[] a = GemmEngineTest.random(rnd, mr * k);
        int ao = 5;
        float[] as = new float[ao + mr * BlockedStrips.padded(kc)];
        float[] strip = new float[mr * BlockedStrips.padded(kc)];
        BlockedStrips.pack(a, k, 0, rows, 1, kc, strip);
        System.arraycopy(strip, 0, as, ao, strip.length);
        float[] bp = GemmEngineTest.random(rnd, kc * width);
        float[] c = GemmEngineTest.random(rnd, 2 + mr * ldc);
        float[] expected = c.clone();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < nw; j++) {
                float acc = 0f;
                for (int p = 0; p < kc; p++) {
                    acc = Math.fma(a[r * k + 1 + p], bp[p * width + j], acc);
                }
                int o = 2 + r * ldc + j;
                expected[o] = add ? expected[o] + acc : acc;
            }
        }
        float[] tmp = new float[mr * width];
        if (vectors == 4) {
            BlockedStrips.tile6x4(as, ao, bp, kc, c, 2, ldc, rows, nw, add, tmp);
        } else {
            BlockedStrips.tile6x2(as, ao, bp, kc, c, 2, ldc, rows, nw, add, tmp);
        }
        assertThat(c).containsExactly(expected);
    }
}
