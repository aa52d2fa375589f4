package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both main tiles, whatever this host's ISA picks for {@link VectorTiles#tile}: the engine tests run
 * only the one the host uses, and CI may run on an AVX-512 or an AVX2 machine. Each C element is a
 * chain of fused multiply-adds along k from zero, then stored or added onto C, so the expected values
 * are exact.
 */
class VectorTilesTest {
    @ParameterizedTest(name = "{0} vectors, {1} rows, {2} columns short, kc {3}, add {4}")
    @CsvSource({"4,6,0,37,false", "4,6,0,1,true", "4,4,0,37,false", "4,6,3,37,false", "4,5,7,19,true",
            "2,6,0,37,false", "2,6,0,1,true", "2,4,0,37,false", "2,6,3,37,false", "2,5,7,19,true"})
    void tileMatchesAChainOfFmas(int vectors, int rows, int short_, int kc, boolean add) {
        assumeTrue(GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        int width = vectors * VectorTiles.L;
        int nw = width - short_;
        int ldc = width + 5;
        SplittableRandom rnd = new SplittableRandom(vectors * 1000 + rows * 100 + kc);
        float[] as = GemmEngineTest.random(rnd, 3 + VectorTiles.MR * kc);
        float[] bp = GemmEngineTest.random(rnd, kc * width);
        float[] c = GemmEngineTest.random(rnd, 2 + VectorTiles.MR * ldc);
        float[] expected = c.clone();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < nw; j++) {
                float acc = 0f;
                for (int p = 0; p < kc; p++) {
                    acc = Math.fma(as[3 + p * VectorTiles.MR + r], bp[p * width + j], acc);
                }
                int o = 2 + r * ldc + j;
                expected[o] = add ? expected[o] + acc : acc;
            }
        }
        float[] tmp = new float[VectorTiles.MR * width];
        if (vectors == 4) {
            VectorTiles.tile6x4(as, 3, VectorTiles.MR, bp, kc, c, 2, ldc, rows, nw, add, tmp);
        } else {
            VectorTiles.tile6x2(as, 3, VectorTiles.MR, bp, kc, c, 2, ldc, rows, nw, add, tmp);
        }
        assertThat(c).containsExactly(expected);
    }
}
