package io.widrow.engine.nn.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** Softmax never stores a subnormal probability: those below 2^−100 are 0, the rest are exact to float. */
class SoftmaxTest {
    @Test
    void probabilitiesBelowTheNegligibleBoundAreZeroAndTheRestStayExact() {
        Matrix z = Matrix.of(new float[] {0f, -50f, -69f, -70f, -75f, -90f, -200f});
        Matrix a = new Matrix(1, 7);
        new Softmax().forward(z, a);
        double sum = 1 + Math.exp(-50) + Math.exp(-69) + Math.exp(-70) + Math.exp(-75) + Math.exp(-90) + Math.exp(-200);
        for (int j = 0; j < 3; j++) {
            double expected = Math.exp(z.data()[j]) / sum;
            assertThat((double) a.data()[j]).as("p(%s)", z.data()[j]).isCloseTo(expected, within(1e-6 * expected));
        }
        // e^−70 = 4e-31 is below 2^−100 = 7.9e-31; e^−75 and beyond would be subnormal or nearly so.
        assertThat(a.data()[3]).isZero();
        assertThat(a.data()[4]).isZero();
        assertThat(a.data()[5]).isZero();
        assertThat(a.data()[6]).isZero();
    }

    @Test
    void noGapBetweenLogitsGivesASubnormal() {
        for (float gap = 0f; gap < 200f; gap += 0.01f) {
            Matrix z = Matrix.of(new float[] {0f, -gap, Float.NEGATIVE_INFINITY});
            Matrix a = new Matrix(1, 3);
            new Softmax().forward(z, a);
            for (float p : a.data()) {
                assertThat(p == 0f || p >= Softmax.NEGLIGIBLE).as("p = %s at gap %s", p, gap).isTrue();
            }
        }
    }

    @Test
    void aNaNLogitStillGivesNaN() {
        Matrix a = new Matrix(1, 2);
        new Softmax().forward(Matrix.of(new float[] {0f, Float.NaN}), a);
        assertThat(a.data()[1]).isNaN();
        // A diverged run's logits: inf − inf is a NaN with the sign bit set on x86, and it must not read as
        // a negligible probability (the divergence check looks for it).
        new Softmax().forward(Matrix.of(new float[] {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY}), a);
        assertThat(a.data()[0]).isNaN();
        assertThat(a.data()[1]).isNaN();
        Matrix negativeNaN = Matrix.of(new float[] {0f, Float.intBitsToFloat(0xffc00000)});
        new Softmax().forward(negativeNaN, a);
        assertThat(a.data()[1]).isNaN();
    }
}
