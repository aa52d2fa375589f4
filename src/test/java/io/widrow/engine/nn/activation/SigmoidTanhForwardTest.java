package io.widrow.engine.nn.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.tensor.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The layers' forward passes, now in float on the element kernels, against the double functions they
 * replaced, on a matrix large enough to be split over the pool and in place (a layer may pass z as a).
 */
class SigmoidTanhForwardTest {
    private static Matrix random(int rows, int cols, double scale) {
        SplittableRandom rnd = new SplittableRandom(rows * 31L + cols);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * scale);
        }
        return new Matrix(v, rows, cols);
    }

    @Test
    void sigmoidForwardAgreesWithTheDoubleSigmoid() {
        Matrix z = random(128, 256, 4);
        Matrix a = new Matrix(128, 256);
        new Sigmoid().forward(z, a);
        for (int i = 0; i < z.size(); i++) {
            double expected = DoubleReference.sigmoid(z.data()[i]);
            assertThat((double) a.data()[i]).as("sigmoid(%s)", z.data()[i])
                    .isCloseTo(expected, within(2.5 * Math.ulp((float) expected)));
        }
        Matrix inPlace = z.copy();
        new Sigmoid().forward(inPlace, inPlace);
        assertThat(inPlace.data()).containsExactly(a.data());
    }

    @Test
    void tanhForwardAgreesWithMathTanh() {
        Matrix z = random(128, 256, 2);
        Matrix a = new Matrix(128, 256);
        new Tanh().forward(z, a);
        for (int i = 0; i < z.size(); i++) {
            double expected = Math.tanh(z.data()[i]);
            assertThat((double) a.data()[i]).as("tanh(%s)", z.data()[i])
                    .isCloseTo(expected, within(1.5 * Math.ulp((float) expected)));
        }
        Matrix inPlace = z.copy();
        new Tanh().forward(inPlace, inPlace);
        assertThat(inPlace.data()).containsExactly(a.data());
    }

    @Test
    void saturatedUnitsGiveExactLimits() {
        Matrix z = Matrix.of(new float[] {-200f, -30f, 30f, 200f});
        Matrix a = new Matrix(1, 4);
        new Sigmoid().forward(z, a);
        assertThat(a.data()).containsExactly(new float[] {0f, 9.357623e-14f, 1f, 1f}, within(1e-20f));
        new Tanh().forward(z, a);
        assertThat(a.data()).containsExactly(-1f, -1f, 1f, 1f);
    }
}
