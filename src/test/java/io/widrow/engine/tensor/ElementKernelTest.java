package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vector element kernels give the portable (reference) results on every length and edge value. */
class ElementKernelTest {
    private static final ElementKernel PORTABLE = new PortableElements();

    private static ElementKernel vector() {
        assumeTrue(GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        return GemmEngine.create("vector", 1).elements();
    }

    private static float[] values(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        float[] specials = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.NaN, 1e-30f, -1e30f};
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(8) == 0 ? specials[rnd.nextInt(specials.length)] : (float) (rnd.nextGaussian());
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, 0.01f, 0.3f, 1f, 2.5f})
    void reluBackwardMatchesBitForBit(float slope) {
        ElementKernel vector = vector();
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : new int[] {0, 1, 15, 16, 17, 31, 33, 128 * 256 + 7}) {
            float[] z = values(rnd, n);
            float[] g = values(rnd, n);
            float[] expected = new float[n];
            float[] actual = new float[n + 1];
            actual[n] = 42f;
            PORTABLE.reluBackward(z, g, expected, 0, n, slope);
            vector.reluBackward(z, g, actual, 0, n, slope);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToIntBits(actual[i])).as("n=%d i=%d z=%s g=%s", n, i, z[i], g[i])
                        .isEqualTo(Float.floatToIntBits(expected[i]));
            }
            assertThat(actual[n]).as("wrote past n").isEqualTo(42f);
        }
    }

    @Test
    void reluBackwardOfZeroSlopeNeverGivesNegativeZero() {
        float[] z = {-1f, 0f, -0f, 2f};
        float[] g = {3f, -4f, 5f, -6f};
        float[] out = new float[4];
        PORTABLE.reluBackward(z, g, out, 0, 4, 0f);
        assertThat(out).containsExactly(0f, 0f, 0f, -6f);
        assertThat(Float.floatToIntBits(out[1])).isZero();
    }

    @Test
    void sumOfSquaresAgreesWithDoubleArithmetic() {
        ElementKernel vector = vector();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n : new int[] {0, 1, 17, 4095, 4096, 4097, 200_704}) {
            float[] v = new float[n];
            double exact = 0;
            for (int i = 0; i < n; i++) {
                v[i] = (float) (rnd.nextGaussian() * 1e-3);
                exact += (double) v[i] * v[i];
            }
            assertThat(PORTABLE.sumOfSquares(v, 0, n)).isCloseTo(exact, within(exact * 1e-12 + 1e-300));
            assertThat(vector.sumOfSquares(v, 0, n)).as("n=%d", n).isCloseTo(exact, within(exact * 1e-5 + 1e-300));
        }
    }

    @Test
    void sumOfSquaresReadsOnlyTheFirstN() {
        float[] v = {3f, 4f, 1e20f};
        assertThat(PORTABLE.sumOfSquares(v, 0, 2)).isEqualTo(25.0);
        assertThat(vector().sumOfSquares(v, 0, 2)).isEqualTo(25.0);
    }

    @Test
    void rowVectorAndColumnSumsMatchBitForBit() {
        ElementKernel vector = vector();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int[] shape : new int[][] {{1, 1}, {3, 15}, {7, 16}, {5, 33}, {128, 256}, {128, 10}}) {
            int rows = shape[0], cols = shape[1];
            float[] a = values(rnd, rows * cols);
            float[] bias = values(rnd, cols);
            float[] c1 = a.clone();
            float[] c2 = a.clone();
            PORTABLE.addRowVector(c1, 0, rows, cols, bias);
            vector.addRowVector(c2, 0, rows, cols, bias);
            assertThat(c2).as("addRowVector %dx%d", rows, cols).containsExactly(c1);
            float[] s1 = values(rnd, cols + 1);
            float[] s2 = s1.clone();
            PORTABLE.columnSums(a, rows, cols, s1, 0, cols);
            vector.columnSums(a, rows, cols, s2, 0, cols);
            assertThat(s2).as("columnSums %dx%d", rows, cols).containsExactly(s1);
        }
    }

    /**
     * The passes as layers call them, split over the pool from 8,192 floats per thread, against the
     * reference kernel run once over the whole range: a split must not change a bit. Sub-ranges are
     * checked too, since a share can start on any 16-aligned offset.
     */
    @Test
    void splitPassesMatchOneRangeBitForBit() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int[] shape : new int[][] {{128, 256}, {128, 128}, {200, 130}, {64, 10}, {1, 40_000}}) {
            int rows = shape[0], cols = shape[1], n = rows * cols;
            float[] z = values(rnd, n);
            float[] g = values(rnd, n);
            float[] expected = new float[n];
            float[] actual = new float[n];
            PORTABLE.reluBackward(z, g, expected, 0, n, 0f);
            Elementwise.reluBackward(z, g, actual, n, 0f);
            assertThat(actual).as("reluBackward %dx%d", rows, cols).containsExactly(expected);
            Elementwise.leakyRelu(z, actual, n, 0.1f);
            for (int i = 0; i < n; i++) {
                float v = z[i];
                expected[i] = Math.max(v, 0.1f * v) + 0f;
            }
            assertThat(actual).as("leakyRelu %dx%d", rows, cols).containsExactly(expected);
            float[] bias = values(rnd, cols);
            float[] c1 = z.clone();
            float[] c2 = z.clone();
            PORTABLE.addRowVector(c1, 0, rows, cols, bias);
            Gemm.addRowVector(new Matrix(c2, rows, cols), bias);
            assertThat(c2).as("addRowVector %dx%d", rows, cols).containsExactly(c1);
            float[] s1 = new float[cols];
            float[] s2 = new float[cols];
            PORTABLE.columnSums(g, rows, cols, s1, 0, cols);
            Gemm.columnSums(new Matrix(g, rows, cols), s2);
            assertThat(s2).as("columnSums %dx%d", rows, cols).containsExactly(s1);
        }
        float[] a = values(rnd, 300);
        float[] whole = new float[40];
        float[] parts = new float[40];
        PORTABLE.columnSums(a, 7, 40, whole, 0, 40);
        PORTABLE.columnSums(a, 7, 40, parts, 0, 16);
        PORTABLE.columnSums(a, 7, 40, parts, 16, 40);
        assertThat(parts).containsExactly(whole);
    }

    /**
     * The vector exp gives the portable (scalar) exp's bits on every length and special, compiled or not;
     * both are within 2 ulps of Math.exp where the result is a normal float, and the specials are exact.
     */
    @Test
    void expMatchesTheReferenceBitForBitAndMathExpWithinTwoUlps() {
        ElementKernel vector = vector();
        SplittableRandom rnd = new SplittableRandom(9);
        float[] specials = {0f, -0f, 1f, -1f, 88.7f, 88.72283f, 88.73f, 89f, -87f, -100f, -103.9f, -104f, -150f,
                Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -20.5f, 1e-8f};
        for (int n : new int[] {0, 1, 10, 15, 16, 17, 1280, 1283, 100_000}) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = i < specials.length ? specials[i] : (float) (rnd.nextDouble() * 200 - 108);
            }
            float[] expected = v.clone();
            float[] actual = java.util.Arrays.copyOf(v, n + 1);
            actual[n] = 42f;
            PORTABLE.exp(expected, 0, n);
            vector.exp(actual, 0, n);
            assertThat(actual[n]).as("past the range").isEqualTo(42f);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToRawIntBits(actual[i])).as("exp(%s)", v[i])
                        .isEqualTo(Float.floatToRawIntBits(expected[i]));
                float reference = (float) Math.exp(v[i]);
                if (Float.isNaN(reference)) {
                    assertThat(Float.isNaN(expected[i])).as("exp(%s) is NaN", v[i]).isTrue();
                } else if (Math.abs(reference) >= Float.MIN_NORMAL && !Float.isInfinite(reference)) {
                    assertThat(expected[i]).as("exp(%s)", v[i]).isCloseTo(reference, within(2 * Math.ulp(reference)));
                } else {
                    assertThat(expected[i]).as("exp(%s)", v[i]).isCloseTo(reference, within(2 * Float.MIN_VALUE));
                }
            }
        }
    }
}
