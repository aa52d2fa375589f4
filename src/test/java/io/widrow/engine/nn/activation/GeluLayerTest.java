package io.widrow.engine.nn.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.tensor.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The GELU layer, now in float on the element kernels, against the double x·Φ(x) and Φ(x) + x·φ(x) it
 * used to compute, on matrices large enough to be split over the pool, and in place.
 */
class GeluLayerTest {
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private static Matrix random(int rows, int cols, double scale, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * scale);
        }
        return new Matrix(v, rows, cols);
    }

    @Test
    void forwardAgreesWithTheDoubleGeluWithinFiveUlps() {
        Matrix z = random(128, 256, 5, 1);
        Matrix a = new Matrix(128, 256);
        new Gelu().forward(z, a);
        for (int i = 0; i < z.size(); i++) {
            double x = z.data()[i];
            double expected = x * DoubleReference.phi(x);
            // Below the smallest normal float the kernel flushes to ±0.
            double tolerance = Math.abs((float) expected) >= Float.MIN_NORMAL ? 5 * Math.ulp((float) expected)
                    : Float.MIN_NORMAL;
            assertThat((double) a.data()[i]).as("gelu(%s)", x).isCloseTo(expected, within(tolerance));
        }
        Matrix inPlace = z.copy();
        new Gelu().forward(inPlace, inPlace);
        assertThat(inPlace.data()).containsExactly(a.data());
    }

    @Test
    void backwardAgreesWithTheDoubleDerivative() {
        Matrix z = random(128, 256, 4, 2);
        Matrix g = random(128, 256, 1, 3);
        Matrix gz = new Matrix(128, 256);
        new Gelu().backward(z, null, g, gz);
        for (int i = 0; i < z.size(); i++) {
            double x = z.data()[i];
            double phi = DoubleReference.phi(x);
            double xphi = x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            double expected = g.data()[i] * (phi + xphi);
            // 6 ulps of the derivative's larger term, scaled by g, plus the product's rounding.
            double tolerance = Math.abs(g.data()[i]) * 6 * Math.ulp((float) Math.max(phi, Math.abs(xphi)))
                    + Math.ulp((float) expected) / 2 + Float.MIN_NORMAL;
            assertThat((double) gz.data()[i]).as("gelu'(%s)·%s", x, g.data()[i]).isCloseTo(expected, within(tolerance));
        }
        Matrix inPlace = g.copy();
        new Gelu().backward(z, null, inPlace, inPlace);
        assertThat(inPlace.data()).containsExactly(gz.data());
    }

    /**
     * The far-left tail: exact while x·Φ(x) is a normal float (to −13), −0.0 once it would be subnormal
     * (subnormals slow every product they reach).
     */
    @Test
    void theNegativeTailIsKeptUntilItWouldBeSubnormal() {
        Matrix z = Matrix.of(new float[] {-8f, -10f, -12f, -13f, -13.5f, -14f, -14.5f, -30f});
        Matrix a = new Matrix(1, 8);
        new Gelu().forward(z, a);
        for (int i = 0; i < 4; i++) {
            double x = z.data()[i];
            double expected = x * DoubleReference.phi(x);
            assertThat((double) a.data()[i]).as("gelu(%s)", x).isNegative()
                    .isCloseTo(expected, within(Math.max(5.0 * Math.ulp((float) expected), 2.0 * Float.MIN_VALUE)));
        }
        for (int i = 4; i < 8; i++) {
            assertThat(Float.floatToRawIntBits(a.data()[i])).as("gelu(%s) is −0.0", z.data()[i]).isEqualTo(0x8000_0000);
        }
    }
}
