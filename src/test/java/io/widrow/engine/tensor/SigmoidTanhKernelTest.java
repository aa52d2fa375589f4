package io.widrow.engine.tensor;

import static io.widrow.engine.tensor.ElementKernelTesting.assertSameBits;
import static io.widrow.engine.tensor.ElementKernelTesting.bothSigns;
import static io.widrow.engine.tensor.ElementKernelTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The float sigmoid and tanh: the vector kernel gives the portable (scalar) kernel's bits on every length,
 * range and special value, compiled or not; both are within a few ulps of the double functions; and the
 * pass split over the pool gives the bits of one thread.
 */
class SigmoidTanhKernelTest {
    private static final ElementKernel PORTABLE = new PortableElements();
    /** Measured over every float: sigmoid 2.48 ulps at most, tanh 1.33. */
    private static final double SIGMOID_ULPS = 2.5;
    private static final double TANH_ULPS = 1.5;
    /** e^−z overflows below z = −88.72, giving 0 where σ is still a subnormal this small. */
    private static final double SIGMOID_UNDERFLOW = 2.95e-39;

    private interface Kernel {
        void apply(ElementKernel k, float[] z, float[] a, int from, int to);
    }

    private static final Kernel SIGMOID = ElementKernel::sigmoid;
    private static final Kernel TANH = ElementKernel::tanh;

    private static float[] specials() {
        float t = FloatTanh.THRESHOLD;
        float[] positive = {0f, Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL, 1e-30f, 1e-8f, 1e-4f, 0.1f, 0.5f,
                Math.nextDown(t), t, Math.nextUp(t), 1f, 2f, 3f, 8.5f, 9f, 9.1f, 15f, 16.7f, 17.4f, 20f, 44f, 44.4f,
                44.5f, 87.3f, 88f, 88.72f, FloatExp.HI, Math.nextUp(FloatExp.HI), 89f, 100f, 103.9f, 104f, 105f,
                150f, 1e10f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN,
                Float.intBitsToFloat(0x7fc0_1234), Float.intBitsToFloat(0x7f80_0001)};
        return bothSigns(positive);
    }

    /**
     * The specials, then seeded values: dense over [−3, 3] where both functions bend, wide over [−100, 100]
     * past both saturations, and arbitrary bit patterns (subnormals, huge values, NaN payloads).
     */
    private static float[] inputs(int n, long seed) {
        return ElementKernelTesting.inputs(specials(), n, seed, 3, 100);
    }

    private static void vectorMatchesPortable(Kernel f, String name) {
        ElementKernel vector = vector();
        for (int n : new int[] {0, 1, 15, 16, 17, 31, 33, 84, 1283, 200_003}) {
            float[] z = inputs(n, n);
            float[] expected = new float[n];
            f.apply(PORTABLE, z, expected, 0, n);
            float[] actual = new float[n + 1];
            actual[n] = 42f;
            // Repeated so that the later rounds run the vector kernel compiled, the first ones not.
            int rounds = n > 100_000 ? 40 : 3;
            for (int r = 0; r < rounds; r++) {
                Arrays.fill(actual, 0, n, 7f);
                f.apply(vector, z, actual, 0, n);
                assertSameBits(expected, actual, z, 0, n, name + " n=" + n + " round " + r);
            }
            assertThat(actual[n]).as("past the range").isEqualTo(42f);
            float[] inPlace = z.clone();
            f.apply(vector, inPlace, inPlace, 0, n);
            assertSameBits(expected, inPlace, z, 0, n, name + " in place n=" + n);
            f.apply(PORTABLE, inPlace = z.clone(), inPlace, 0, n);
            assertSameBits(expected, inPlace, z, 0, n, name + " portable in place n=" + n);
        }
        // A share of a split starts anywhere: a range off the vector width leaves the outside untouched.
        float[] z = inputs(1000, 3);
        float[] expected = new float[1000];
        f.apply(PORTABLE, z, expected, 0, 1000);
        float[] actual = new float[1000];
        Arrays.fill(actual, 7f);
        f.apply(vector, z, actual, 5, 990);
        assertSameBits(expected, actual, z, 5, 990, name + " on [5, 990)");
        assertThat(Arrays.copyOfRange(actual, 0, 5)).containsOnly(7f);
        assertThat(Arrays.copyOfRange(actual, 990, 1000)).containsOnly(7f);
    }

    @Test
    void vectorSigmoidMatchesPortableBitForBit() {
        vectorMatchesPortable(SIGMOID, "sigmoid");
    }

    @Test
    void vectorTanhMatchesPortableBitForBit() {
        vectorMatchesPortable(TANH, "tanh");
    }

    private static void withinUlps(Kernel f, DoubleUnaryOperator reference, double ulps, double belowNormal,
            String name) {
        float[] z = inputs(300_000, 17);
        float[] a = new float[z.length];
        f.apply(PORTABLE, z, a, 0, z.length);
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            double ref = reference.applyAsDouble(z[i]);
            if (Double.isNaN(ref)) {
                assertThat(Float.isNaN(a[i])).as("%s(%s) is NaN", name, z[i]).isTrue();
                continue;
            }
            float r = (float) ref;
            double error = Math.abs(a[i] - ref);
            if (Math.abs(r) >= Float.MIN_NORMAL) {
                double e = error / Math.ulp(r);
                assertThat(e).as("%s(%s) = %s against %s, in ulps", name, z[i], a[i], ref).isLessThanOrEqualTo(ulps);
                worst = Math.max(worst, e);
            } else {
                assertThat(error).as("%s(%s) = %s against %s", name, z[i], a[i], ref).isLessThanOrEqualTo(belowNormal);
            }
        }
        assertThat(worst).as("%s: the dense sample should come near the worst case", name).isGreaterThan(ulps / 3);
    }

    @Test
    void sigmoidIsWithinTwoAndAHalfUlpsOfDouble() {
        withinUlps(SIGMOID, z -> 1 / (1 + Math.exp(-z)), SIGMOID_ULPS, SIGMOID_UNDERFLOW, "sigmoid");
    }

    @Test
    void tanhIsWithinOneAndAHalfUlpsOfMathTanh() {
        withinUlps(TANH, Math::tanh, TANH_ULPS, Float.MIN_VALUE / 2, "tanh");
    }

    @Test
    void specialValuesComeOutExactly() {
        for (ElementKernel k : GemmEngine.vectorAvailable() ? new ElementKernel[] {PORTABLE, vector()}
                : new ElementKernel[] {PORTABLE}) {
            // Twenty lanes so both the vector loop and the scalar tail see each value.
            float[][] cases = {
                {0f, 0.5f}, {-0f, 0.5f}, {Float.POSITIVE_INFINITY, 1f}, {Float.NEGATIVE_INFINITY, 0f},
                {20f, 1f}, {-89f, 0f}, {-200f, 0f}, {Float.MAX_VALUE, 1f}, {-Float.MAX_VALUE, 0f}};
            for (float[] c : cases) {
                assertThat(apply(SIGMOID, k, c[0])).as("sigmoid(%s)", c[0]).containsOnly(c[1]);
            }
            float[][] tanhCases = {
                {0f, 0f}, {Float.POSITIVE_INFINITY, 1f}, {Float.NEGATIVE_INFINITY, -1f}, {10f, 1f}, {-10f, -1f},
                {Float.MAX_VALUE, 1f}, {Float.MIN_VALUE, Float.MIN_VALUE}, {-1e-30f, -1e-30f}};
            for (float[] c : tanhCases) {
                assertThat(apply(TANH, k, c[0])).as("tanh(%s)", c[0]).containsOnly(c[1]);
            }
            for (float v : apply(TANH, k, -0f)) {
                assertThat(Float.floatToRawIntBits(v)).as("tanh(−0.0) keeps its sign").isEqualTo(0x8000_0000);
            }
            for (float nan : new float[] {Float.NaN, Float.intBitsToFloat(0xffc0_0001)}) {
                for (float v : apply(SIGMOID, k, nan)) {
                    assertThat(Float.floatToRawIntBits(v)).as("sigmoid(NaN)").isEqualTo(Float.floatToRawIntBits(nan));
                }
                for (float v : apply(TANH, k, nan)) {
                    assertThat(Float.floatToRawIntBits(v)).as("tanh(NaN)").isEqualTo(Float.floatToRawIntBits(nan));
                }
            }
        }
    }

    private static float[] apply(Kernel f, ElementKernel k, float value) {
        float[] z = new float[20];
        Arrays.fill(z, value);
        float[] a = new float[20];
        f.apply(k, z, a, 0, 20);
        return a;
    }

    /** Both branches work on |x| and take x's sign last, so tanh is exactly odd, as Math.tanh is. */
    @Test
    void tanhIsOdd() {
        float[] z = inputs(50_000, 23);
        float[] neg = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            neg[i] = -z[i];
        }
        float[] t = new float[z.length];
        float[] tn = new float[z.length];
        PORTABLE.tanh(z, t, 0, z.length);
        PORTABLE.tanh(neg, tn, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            if (!Float.isNaN(z[i]) && Float.floatToRawIntBits(t[i]) != Float.floatToRawIntBits(-tn[i])) {
                throw new AssertionError("tanh(" + z[i] + ") = " + t[i] + " but tanh(" + neg[i] + ") = " + tn[i]);
            }
        }
    }

    /**
     * The public passes as layers call them, split over the pool from 8,192 floats per thread, against the
     * reference kernel run once over the whole range: a split must not change a bit.
     */
    @Test
    void splitPassesMatchOneRangeBitForBit() {
        for (int[] shape : new int[][] {{128, 256}, {128, 128}, {200, 130}, {64, 10}, {1, 40_000}, {1, 40_001}}) {
            int n = shape[0] * shape[1];
            float[] z = inputs(n, n);
            float[] expected = new float[n];
            float[] actual = new float[n];
            PORTABLE.sigmoid(z, expected, 0, n);
            Elementwise.sigmoid(z, actual, n);
            assertSameBits(expected, actual, z, 0, n, "sigmoid " + shape[0] + "x" + shape[1]);
            float[] inPlace = z.clone();
            Elementwise.sigmoid(inPlace, inPlace, n);
            assertSameBits(expected, inPlace, z, 0, n, "sigmoid in place " + shape[0] + "x" + shape[1]);
            PORTABLE.tanh(z, expected, 0, n);
            Elementwise.tanh(z, actual, n);
            assertSameBits(expected, actual, z, 0, n, "tanh " + shape[0] + "x" + shape[1]);
            inPlace = z.clone();
            Elementwise.tanh(inPlace, inPlace, n);
            assertSameBits(expected, inPlace, z, 0, n, "tanh in place " + shape[0] + "x" + shape[1]);
        }
    }

    @Test
    void passesReadAndWriteOnlyTheFirstN() {
        float[] z = {0f, 1f, 2f, 3f};
        float[] a = {9f, 9f, 9f, 9f};
        Elementwise.sigmoid(z, a, 2);
        assertThat(a[2]).isEqualTo(9f);
        Elementwise.tanh(z, a, 3);
        assertThat(a).containsExactly(0f, FloatTanh.tanh(1f), FloatTanh.tanh(2f), 9f);
    }

    @Test
    void shortArraysAreRejected() {
        assertThatThrownBy(() -> Elementwise.sigmoid(new float[3], new float[4], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than 4");
        assertThatThrownBy(() -> Elementwise.tanh(new float[4], new float[3], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than 4");
    }
}
