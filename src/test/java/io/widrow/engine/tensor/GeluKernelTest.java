package io.widrow.engine.tensor;

import static io.widrow.engine.tensor.ElementKernelTesting.assertSameBits;
import static io.widrow.engine.tensor.ElementKernelTesting.bothSigns;
import static io.widrow.engine.tensor.ElementKernelTesting.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.nn.activation.DoubleReference;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float GELU and its backward pass: the vector kernel gives the portable (scalar) kernel's bits on
 * every length, range and special value, compiled or not, in place or not; both are within a few ulps of
 * the double x·Φ(x) (Cody's erfc in {@link DoubleReference#phi}); and the passes split over the pool give the bits of
 * one thread.
 */
class GeluKernelTest {
    private static final ElementKernel PORTABLE = new PortableElements();
    /** Where x·Φ(x) is a subnormal, the error in units of the smallest subnormal. */
    private static final double SUBNORMAL_ABS = 2;

    private static ElementKernel[] kernels() {
        return GemmEngine.vectorAvailable() ? new ElementKernel[] {PORTABLE, vector()} : new ElementKernel[] {PORTABLE};
    }

    /** Both signs of: zeros, subnormals, the cuts and their neighbours, where e^(−x²/2) and the result underflow. */
    private static float[] specials() {
        float[] positive = {0f, Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL, 1e-30f, 1e-19f, 2.7e-8f, 1e-4f, 0.1f, 0.5f,
            0.75179f, 1f, 1.4142135f, 2f, 3f, 5.4f, Math.nextDown(FloatGelu.POS_CUT), FloatGelu.POS_CUT,
            Math.nextUp(FloatGelu.POS_CUT), 9f, 13.06f, 13.1f, 13.15f, 13.2f, 14f, 14.42f, 14.4222f, 14.4223f,
            Math.nextDown(-FloatGelu.NEG_CUT), -FloatGelu.NEG_CUT, Math.nextUp(-FloatGelu.NEG_CUT), 15f, 20f, 100f,
            1.8e19f, 1.9e19f, 1e30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN,
            Float.intBitsToFloat(0x7fc0_1234), Float.intBitsToFloat(0x7f80_0001)};
        return bothSigns(positive);
    }

    /**
     * The specials, then seeded values: dense over [−6, 6] where GELU bends, wide over [−20, 20] past both
     * cuts, and arbitrary bit patterns (subnormals, huge values, NaN payloads).
     */
    static float[] inputs(int n, long seed) {
        return ElementKernelTesting.inputs(specials(), n, seed, 6, 20);
    }

    /** Upstream gradients: mostly ordinary, some zeros, infinities and NaNs (also where z is NaN). */
    private static float[] gradients(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 7 + 1);
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = switch (i % 5) {
                case 0, 1, 2 -> (float) rnd.nextGaussian();
                case 3 -> Float.intBitsToFloat(rnd.nextInt());
                default -> i % 15 == 4 ? Float.NaN : i % 15 == 9 ? -0f : Float.NEGATIVE_INFINITY;
            };
        }
        return g;
    }

    @Test
    void vectorGeluMatchesPortableBitForBit() {
        ElementKernel vector = vector();
        for (int n : new int[] {0, 1, 15, 16, 17, 31, 33, 84, 1283, 200_003}) {
            float[] z = inputs(n, n);
            float[] expected = new float[n];
            PORTABLE.gelu(z, expected, 0, n);
            float[] actual = new float[n + 1];
            actual[n] = 42f;
            // Repeated so that the later rounds run the vector kernel compiled, the first ones not.
            int rounds = n > 100_000 ? 40 : 3;
            for (int r = 0; r < rounds; r++) {
                Arrays.fill(actual, 0, n, 7f);
                vector.gelu(z, actual, 0, n);
                assertSameBits(expected, actual, z, 0, n, "gelu n=" + n + " round " + r);
            }
            assertThat(actual[n]).as("past the range").isEqualTo(42f);
            float[] inPlace = z.clone();
            vector.gelu(inPlace, inPlace, 0, n);
            assertSameBits(expected, inPlace, z, 0, n, "gelu in place n=" + n);
            PORTABLE.gelu(inPlace = z.clone(), inPlace, 0, n);
            assertSameBits(expected, inPlace, z, 0, n, "portable gelu in place n=" + n);
        }
        float[] z = inputs(1000, 3);
        float[] expected = new float[1000];
        PORTABLE.gelu(z, expected, 0, 1000);
        float[] actual = new float[1000];
        Arrays.fill(actual, 7f);
        vector.gelu(z, actual, 5, 990);
        assertSameBits(expected, actual, z, 5, 990, "gelu on [5, 990)");
        assertThat(Arrays.copyOfRange(actual, 0, 5)).containsOnly(7f);
        assertThat(Arrays.copyOfRange(actual, 990, 1000)).containsOnly(7f);
    }

    @Test
    void vectorGeluBackwardMatchesPortableBitForBit() {
        ElementKernel vector = vector();
        for (int n : new int[] {0, 1, 15, 16, 17, 31, 33, 84, 1283, 200_003}) {
            float[] z = inputs(n, n);
            float[] g = gradients(n, n);
            float[] expected = new float[n];
            PORTABLE.geluBackward(z, g, expected, 0, n);
            float[] actual = new float[n + 1];
            actual[n] = 42f;
            int rounds = n > 100_000 ? 40 : 3;
            for (int r = 0; r < rounds; r++) {
                Arrays.fill(actual, 0, n, 7f);
                vector.geluBackward(z, g, actual, 0, n);
                assertSameBits(expected, actual, z, 0, n, "gelu backward n=" + n + " round " + r);
            }
            assertThat(actual[n]).as("past the range").isEqualTo(42f);
            for (ElementKernel k : new ElementKernel[] {vector, PORTABLE}) {
                float[] intoG = g.clone();
                k.geluBackward(z, intoG, intoG, 0, n);
                assertSameBits(expected, intoG, z, 0, n, "gelu backward into g n=" + n);
                float[] intoZ = z.clone();
                k.geluBackward(intoZ, g, intoZ, 0, n);
                assertSameBits(expected, intoZ, z, 0, n, "gelu backward into z n=" + n);
            }
        }
        float[] z = inputs(1000, 3);
        float[] g = gradients(1000, 3);
        float[] expected = new float[1000];
        PORTABLE.geluBackward(z, g, expected, 0, 1000);
        float[] actual = new float[1000];
        Arrays.fill(actual, 7f);
        vector.geluBackward(z, g, actual, 5, 990);
        assertSameBits(expected, actual, z, 5, 990, "gelu backward on [5, 990)");
        assertThat(Arrays.copyOfRange(actual, 0, 5)).containsOnly(7f);
        assertThat(Arrays.copyOfRange(actual, 990, 1000)).containsOnly(7f);
    }

    /** Every float from `from` to `to` (both finite, same sign), `stride` apart in bits. */
    private static float[] sweep(float from, float to, int count) {
        int a = Float.floatToRawIntBits(from);
        int b = Float.floatToRawIntBits(to);
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int stride = Math.max(1, (hi - lo) / count);
        float[] v = new float[(hi - lo) / stride + 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(lo + i * stride);
        }
        return v;
    }

    /** Seeded values plus even sweeps (in bits, so every binade) over both sides and the far-left tail. */
    private static float[] accuracyInputs() {
        float[][] parts = {inputs(200_000, 17), sweep(-0f, FloatGelu.NEG_CUT, 150_000), sweep(0f, FloatGelu.POS_CUT,
                150_000), sweep(-10f, -14.5f, 50_000), sweep(-0.5f, -1f, 50_000)};
        float[] all = new float[0];
        for (float[] p : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + p.length);
            System.arraycopy(p, 0, all, at, p.length);
        }
        return all;
    }

    @Test
    void geluIsWithinItsBoundOfTheDoubleReference() {
        float[] z = accuracyInputs();
        float[] a = new float[z.length];
        PORTABLE.gelu(z, a, 0, z.length);
        double worst = 0;
        int tiny = 0;
        for (int i = 0; i < z.length; i++) {
            float x = z[i];
            if (Float.isNaN(x)) {
                assertThat(Float.isNaN(a[i])).as("gelu(NaN)").isTrue();
                continue;
            }
            if (Float.isInfinite(x)) {
                assertThat(a[i]).as("gelu(%s)", x).isEqualTo(x > 0 ? x : -0f);
                continue;
            }
            double ref = x * DoubleReference.phi(x);
            float r = (float) ref;
            double error = Math.abs(a[i] - ref);
            if (Math.abs(r) >= Float.MIN_NORMAL) {
                double e = error / Math.ulp(r);
                assertThat(e).as("gelu(%s) = %s against %s, in ulps", x, a[i], ref).isLessThanOrEqualTo(FloatGelu.GELU_ULPS);
                worst = Math.max(worst, e);
            } else if (a[i] == 0f) {
                // Flushed (FloatGelu.flush): ±0, with the reference's sign.
                assertThat(Math.copySign(1f, a[i])).as("sign of flushed gelu(%s)", x).isEqualTo(Math.copySign(1f, r));
                tiny++;
            } else {
                // The true value is just below the smallest normal and the kernel rounded it up to a normal float.
                assertThat(error / Float.MIN_VALUE).as("gelu(%s) = %s against %s, in subnormal steps", x, a[i], ref)
                        .isLessThanOrEqualTo(SUBNORMAL_ABS);
                assertThat(Math.abs(a[i])).isEqualTo(Float.MIN_NORMAL);
            }
        }
        assertThat(worst).as("the sample should come near the worst case").isGreaterThan(FloatGelu.GELU_ULPS / 2);
        assertThat(tiny).as("flushed results in the left tail").isGreaterThan(100);
    }

    /** The derivative (g = 1), against Φ(x) + x·φ(x) in double, in ulps of the larger of the two terms. */
    @Test
    void derivativeIsWithinItsBoundOfTheDoubleReference() {
        float[] z = accuracyInputs();
        float[] one = new float[z.length];
        Arrays.fill(one, 1f);
        float[] d = new float[z.length];
        PORTABLE.geluBackward(z, one, d, 0, z.length);
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            float x = z[i];
            if (Float.isNaN(x)) {
                assertThat(Float.floatToRawIntBits(d[i])).as("NaN z gives the canonical NaN").isEqualTo(0x7fc0_0000);
                continue;
            }
            if (Float.isInfinite(x)) {
                assertThat(d[i]).as("d(%s)", x).isEqualTo(x > 0 ? 1f : -0f);
                continue;
            }
            double phi = DoubleReference.phi(x);
            double xphi = x * 0.3989422804014327 * Math.exp(-0.5 * (double) x * x);
            double ref = phi + xphi;
            float larger = (float) Math.max(phi, Math.abs(xphi));
            if (d[i] == 0f && Math.abs(ref) < Float.MIN_NORMAL) {
                continue; // flushed
            }
            double e = Math.abs(d[i] - ref) / Math.ulp(Math.max(larger, Float.MIN_NORMAL));
            assertThat(e).as("d(%s) = %s against %s, in ulps of %s", x, d[i], ref, larger)
                    .isLessThanOrEqualTo(FloatGelu.DERIVATIVE_ULPS);
            worst = Math.max(worst, e);
        }
        assertThat(worst).as("the sample should come near the worst case").isGreaterThan(FloatGelu.DERIVATIVE_ULPS / 2);
    }

    @Test
    void specialValuesComeOutExactly() {
        for (ElementKernel k : kernels()) {
            float[][] cases = {{0f, 0f}, {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY}, {9f, 9f}, {100f, 100f},
                {Float.MAX_VALUE, Float.MAX_VALUE}, {-15f, -0f}, {-1e30f, -0f}, {Float.NEGATIVE_INFINITY, -0f},
                {-0f, -0f}};
            for (float[] c : cases) {
                for (float v : gelu(k, c[0])) {
                    assertThat(Float.floatToRawIntBits(v)).as("gelu(%s) = %s", c[0], v)
                            .isEqualTo(Float.floatToRawIntBits(c[1]));
                }
            }
            // The derivative: 1/2 at 0, 1 and −0.0 past the cuts.
            float[][] derivatives = {{0f, 0.5f}, {-0f, 0.5f}, {9f, 1f}, {Float.POSITIVE_INFINITY, 1f}, {1e30f, 1f},
                {-15f, -0f}, {Float.NEGATIVE_INFINITY, -0f}};
            for (float[] c : derivatives) {
                for (float v : backward(k, c[0], 1f)) {
                    assertThat(Float.floatToRawIntBits(v)).as("gelu'(%s) = %s", c[0], v)
                            .isEqualTo(Float.floatToRawIntBits(c[1]));
                }
            }
            // Tiny but normal: kept. Subnormal (−13.5·Φ(−13.5) ≈ −1e-40): flushed to −0.0.
            assertThat(gelu(k, -12f)[0]).isCloseTo((float) (-12 * DoubleReference.phi(-12)), org.assertj.core.api.Assertions.within(
                    5 * Math.ulp((float) (-12 * DoubleReference.phi(-12)))));
            for (float v : gelu(k, -13.5f)) {
                assertThat(Float.floatToRawIntBits(v)).as("gelu(−13.5)").isEqualTo(0x8000_0000);
            }
            for (float v : backward(k, -13.5f, 1f)) {
                assertThat(Math.abs(v)).as("gelu'(−13.5), subnormal, flushed").isEqualTo(0f);
            }
            for (float nan : new float[] {Float.NaN, Float.intBitsToFloat(0xffc0_0001)}) {
                for (float v : gelu(k, nan)) {
                    assertThat(Float.floatToRawIntBits(v)).as("gelu(NaN)").isEqualTo(Float.floatToRawIntBits(nan));
                }
                for (float v : backward(k, nan, 2f)) {
                    assertThat(Float.floatToRawIntBits(v)).as("backward at NaN z").isEqualTo(0x7fc0_0000);
                }
                // Also a signalling NaN in g past the positive cut, where the scalar's g·1 may be folded to g.
                for (float z : new float[] {1f, 9f, -20f}) {
                    for (float v : backward(k, z, nan)) {
                        assertThat(Float.floatToRawIntBits(v)).as("backward of a NaN gradient").isEqualTo(0x7fc0_0000);
                    }
                    for (float v : backward(k, z, Float.intBitsToFloat(0x7f80_0001))) {
                        assertThat(Float.floatToRawIntBits(v)).as("backward of a signalling NaN").isEqualTo(0x7fc0_0000);
                    }
                }
                for (float v : backward(k, -20f, Float.POSITIVE_INFINITY)) {
                    assertThat(Float.floatToRawIntBits(v)).as("∞ · 0").isEqualTo(0x7fc0_0000);
                }
            }
        }
    }

    /** Twenty lanes, so both the vector loop and the scalar tail see the value. */
    private static float[] gelu(ElementKernel k, float value) {
        float[] z = new float[20];
        Arrays.fill(z, value);
        float[] a = new float[20];
        k.gelu(z, a, 0, 20);
        return a;
    }

    private static float[] backward(ElementKernel k, float value, float gradient) {
        float[] z = new float[20];
        Arrays.fill(z, value);
        float[] g = new float[20];
        Arrays.fill(g, gradient);
        float[] out = new float[20];
        k.geluBackward(z, g, out, 0, 20);
        return out;
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
            float[] g = gradients(n, n);
            float[] expected = new float[n];
            float[] actual = new float[n];
            PORTABLE.gelu(z, expected, 0, n);
            Elementwise.gelu(z, actual, n);
            assertSameBits(expected, actual, z, 0, n, "gelu " + shape[0] + "x" + shape[1]);
            float[] inPlace = z.clone();
            Elementwise.gelu(inPlace, inPlace, n);
            assertSameBits(expected, inPlace, z, 0, n, "gelu in place " + shape[0] + "x" + shape[1]);
            PORTABLE.geluBackward(z, g, expected, 0, n);
            Elementwise.geluBackward(z, g, actual, n);
            assertSameBits(expected, actual, z, 0, n, "gelu backward " + shape[0] + "x" + shape[1]);
            inPlace = g.clone();
            Elementwise.geluBackward(z, inPlace, inPlace, n);
            assertSameBits(expected, inPlace, z, 0, n, "gelu backward in place " + shape[0] + "x" + shape[1]);
        }
    }

    @Test
    void passesReadAndWriteOnlyTheFirstN() {
        float[] z = {0f, 1f, 2f, 3f};
        float[] a = {9f, 9f, 9f, 9f};
        Elementwise.gelu(z, a, 2);
        assertThat(a).containsExactly(0f, FloatGelu.gelu(1f), 9f, 9f);
        float[] g = {1f, 1f, 1f, 1f};
        Elementwise.geluBackward(z, g, a, 3);
        assertThat(a).containsExactly(0.5f, FloatGelu.derivative(1f), FloatGelu.derivative(2f), 9f);
    }

    @Test
    void shortArraysAreRejected() {
        assertThatThrownBy(() -> Elementwise.gelu(new float[3], new float[4], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than 4");
        assertThatThrownBy(() -> Elementwise.geluBackward(new float[4], new float[3], new float[4], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than 4");
        assertThatThrownBy(() -> Elementwise.geluBackward(new float[4], new float[4], new float[3], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than 4");
    }
}
