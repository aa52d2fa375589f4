package io.widrow.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.nn.ActivationLayer;
import io.widrow.engine.nn.Dense;
import io.widrow.engine.nn.Layer;
import io.widrow.engine.nn.Parameter;
import io.widrow.engine.nn.TestNets;
import io.widrow.engine.nn.activation.Identity;
import io.widrow.engine.nn.activation.Relu;
import io.widrow.engine.nn.loss.MeanSquaredError;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A checker that cannot fail proves nothing, so it is shown a wrong gradient. */
class GradientCheckerTest {
    /** y = x², but backward claims dy/dx = x (half the truth). */
    private static final class HalfGradientSquare implements Layer {
        private Matrix x;
        private Matrix y;
        private Matrix dx;

        @Override public int inputSize() { return 2; }
        @Override public int outputSize() { return 2; }
        @Override public List<Parameter> parameters() { return List.of(); }
        @Override public String kind() { return "broken"; }

        @Override
        public Matrix forward(Matrix input, boolean training) {
            x = input;
            y = new Matrix(input.rows(), 2);
            for (int i = 0; i < y.size(); i++) {
                y.data()[i] = x.data()[i] * x.data()[i];
            }
            return y;
        }

        @Override
        public Matrix backward(Matrix g) {
            dx = new Matrix(g.rows(), 2);
            for (int i = 0; i < dx.size(); i++) {
                dx.data()[i] = g.data()[i] * x.data()[i];
            }
            return dx;
        }
    }

    @Test
    void reportsWrongInputGradient() {
        Matrix x = Matrix.of(new float[] {1, 2}, new float[] {-1, 0.5f});
        Matrix t = new Matrix(2, 2);
        GradientChecker.Report report = GradientChecker.check(List.of(new HalfGradientSquare()),
                new MeanSquaredError(new Identity()), x, t);
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).allSatisfy(m -> assertThat(m.where()).isEqualTo("input"));
        assertThat(report.maxError()).isGreaterThan(0.4);
    }

    @Test
    void reportsWrongParameterGradient() {
        Rng rng = new Rng(3);
        Dense dense = new Dense(3, 2, TestNets.gaussian(1), rng);
        Layer corrupting = new Layer() {
            @Override public int inputSize() { return 3; }
            @Override public int outputSize() { return 2; }
            @Override public Matrix forward(Matrix input, boolean training) { return dense.forward(input, training); }
            @Override public List<Parameter> parameters() { return dense.parameters(); }
            @Override public String kind() { return "dense"; }

            @Override
            public Matrix backward(Matrix g) {
                Matrix dx = dense.backward(g);
                dense.weights().grad()[1] *= 1.5f;
                return dx;
            }
        };
        GradientChecker.Report report = GradientChecker.check(List.of(corrupting), new MeanSquaredError(new Identity()),
                TestNets.random(rng, 4, 3, 1), TestNets.random(rng, 4, 2, 1));
        assertThat(report.failures()).singleElement().satisfies(m -> {
            assertThat(m.where()).isEqualTo("layer 0 dense W");
            assertThat(m.index()).isEqualTo(1);
        });
    }

    @Test
    void skipsCoordinatesWhosePerturbationCrossesAReluKink() {
        // z = 0.001 sits within h of ReLU's kink, so the finite difference is meaningless there.
        Matrix x = Matrix.of(new float[] {0.001f, 1f});
        List<Layer> layers = List.of(new ActivationLayer(new Relu(), 2), new ActivationLayer(new Identity(), 2));
        GradientChecker.Report report = GradientChecker.check(layers, new MeanSquaredError(new Identity()), x,
                Matrix.of(new float[] {1f, 0f}));
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.checked()).isEqualTo(1);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void rejectsBadOptionsEchoingThem() {
        assertThatThrownBy(() -> new GradientChecker.Options(0, 1e-2, 1e-2, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step=0.0");
        assertThatThrownBy(() -> GradientChecker.check(List.of(), new MeanSquaredError(new Identity()),
                new Matrix(1, 1), new Matrix(1, 1))).hasMessageContaining("none");
    }
}
