package io.widrow.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.nn.activation.Activation;
import io.widrow.engine.nn.activation.Activations;
import io.widrow.engine.nn.activation.DoubleReference;
import io.widrow.engine.nn.activation.Gelu;
import io.widrow.engine.nn.activation.Identity;
import io.widrow.engine.nn.activation.Relu;
import io.widrow.engine.nn.activation.Sigmoid;
import io.widrow.engine.nn.activation.Softmax;
import io.widrow.engine.nn.activation.Step;
import io.widrow.engine.nn.activation.Tanh;
import io.widrow.engine.nn.loss.Loss;
import io.widrow.engine.nn.loss.Losses;
import io.widrow.engine.nn.loss.MeanSquaredError;
import io.widrow.engine.nn.loss.SigmoidBinaryCrossEntropy;
import io.widrow.engine.nn.loss.SoftmaxCrossEntropy;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import org.junit.jupiter.api.Test;

/** Values worked out by hand (or from reference tables), independent of any gradient machinery. */
class HandComputedTest {
    private static final io.widrow.engine.init.Initializer ZEROS = TestNets.gaussian(0);

    private static float[] apply(Activation f, float... z) {
        Matrix a = new Matrix(1, z.length);
        f.forward(Matrix.of(z), a);
        return a.row(0);
    }

    @Test
    void denseForwardAndBackwardOnTwoByTwo() {
        Dense dense = new Dense(2, 2, ZEROS, new Rng(0));
        dense.setWeightsOutByIn(new float[] {1, 2, 3, 4});
        System.arraycopy(new float[] {0.5f, -1}, 0, dense.bias().value(), 0, 2);
        Matrix x = Matrix.of(new float[] {1, 1}, new float[] {2, 0});
        // z = x·Wᵀ + b: row 0 = (1+2+0.5, 3+4−1), row 1 = (2+0.5, 6−1).
        assertThat(dense.forward(x, true).copy().data()).containsExactly(3.5f, 6f, 2.5f, 5f);
        Matrix dx = dense.backward(Matrix.of(new float[] {1, 0}, new float[] {0, 1}));
        assertThat(dense.weightGradOutByIn()).containsExactly(1, 1, 2, 0);
        assertThat(dense.bias().grad()).containsExactly(1, 1);
        assertThat(dx.copy().data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void firstLayerSkipsTheInputGradientButNotTheWeightGradients() {
        Dense dense = new Dense(2, 2, ZEROS, new Rng(0));
        dense.setWeightsOutByIn(new float[] {1, 2, 3, 4});
        dense.forward(Matrix.of(new float[] {1, 1}, new float[] {2, 0}), true);
        assertThat(dense.backward(Matrix.of(new float[] {1, 0}, new float[] {0, 1}), false)).isNull();
        assertThat(dense.weightGradOutByIn()).containsExactly(1, 1, 2, 0);
        assertThat(dense.bias().grad()).containsExactly(1, 1);
        // The kernel is W transposed: K[i][o] = W[o][i].
        assertThat(dense.weights().value()).containsExactly(1, 3, 2, 4);
    }

    @Test
    void softmaxOfOneTwoThree() {
        assertThat(apply(new Softmax(), 1, 2, 3)).containsExactly(
                new float[] {0.09003057317038046f, 0.24472847105479767f, 0.6652409557748219f}, within(1e-7f));
    }

    @Test
    void sigmoidTanhGeluAtKnownPoints() {
        assertThat(apply(new Sigmoid(), 0, 2, -2, 100, -100)).containsExactly(
                new float[] {0.5f, 0.8807970779778823f, 0.11920292202211755f, 1f, 0f}, within(1e-7f));
        assertThat(apply(new Tanh(), 0, 1, -1)).containsExactly(
                new float[] {0f, 0.7615941559557649f, -0.7615941559557649f}, within(1e-7f));
        assertThat(apply(new Gelu(), 0, 1, -1, 2)).containsExactly(
                new float[] {0f, 0.8413447460685429f, -0.15865525393145707f, 1.9544997361036416f}, within(1e-7f));
        assertThat(DoubleReference.phi(1) * 1).isCloseTo(0.8413447460685429, within(1e-15));
    }

    @Test
    void erfMatchesReferenceValuesToDoublePrecision() {
        assertThat(DoubleReference.erf(0.1)).isCloseTo(0.1124629160182849, within(1e-16));
        assertThat(DoubleReference.erf(0.5)).isCloseTo(0.5204998778130465, within(1e-15));
        assertThat(DoubleReference.erf(1)).isCloseTo(0.8427007929497149, within(1e-15));
        assertThat(DoubleReference.erf(2)).isCloseTo(0.9953222650189527, within(1e-15));
        assertThat(DoubleReference.erf(-1)).isCloseTo(-0.8427007929497149, within(1e-15));
        assertThat(DoubleReference.erfc(3) / 2.209049699858544e-05).isCloseTo(1, within(1e-12));
        assertThat(DoubleReference.erfc(5) / 1.5374597944280349e-12).isCloseTo(1, within(1e-12));
        assertThat(DoubleReference.erfc(10) / 2.088487583762545e-45).isCloseTo(1, within(1e-12));
    }

    /** Either side of each interval of the rational approximations, and far into the tail (mpmath, 30 digits). */
    @Test
    void erfcKeepsDoublePrecisionAcrossItsIntervals() {
        double[][] reference = {{0.46875, 0.507386526782062}, {0.46876, 0.5073774688931535},
                {4.0, 1.541725790028002e-08}, {4.0001, 1.5404564743590145e-08}, {-0.5, 1.5204998778130465},
                {-3.0, 1.9999779095030015}, {6.5, 3.8421483271206475e-20}, {26.0, 5.663192408856143e-296}};
        for (double[] r : reference) {
            assertThat(DoubleReference.erfc(r[0]) / r[1]).as("erfc(%s)", r[0]).isCloseTo(1, within(1e-15));
        }
        assertThat(DoubleReference.erfc(Double.NaN)).isNaN();
        assertThat(DoubleReference.erfc(30)).isZero();
        assertThat(DoubleReference.erfc(-30)).isEqualTo(2.0);
    }

    @Test
    void leakyReluUsesItsSlope() {
        assertThat(apply(Activations.create("leaky_relu", 0.2), -2, 3)).containsExactly(-0.4f, 3f);
        assertThat(apply(new Relu(), -2, 0, 3)).containsExactly(0f, 0f, 3f);
    }

    @Test
    void fusedCrossEntropyGradientIsOutputMinusTargetOverBatch() {
        Matrix a = Matrix.of(new float[] {0.2f, 0.8f}, new float[] {0.6f, 0.4f});
        Matrix t = Matrix.of(new float[] {0, 1}, new float[] {1, 0});
        Matrix g = new Matrix(2, 2);
        new SoftmaxCrossEntropy().gradient(a, a, t, g);
        assertThat(g.data()).containsExactly(new float[] {0.1f, -0.1f, -0.2f, 0.2f}, within(1e-7f));
        new SigmoidBinaryCrossEntropy().gradient(a, a, t, g);
        assertThat(g.data()).containsExactly(new float[] {0.1f, -0.1f, -0.2f, 0.2f}, within(1e-7f));
        // −(log 0.8 + log 0.6)/2
        assertThat(new SoftmaxCrossEntropy().value(a, t)).isCloseTo(0.3669845875400, within(1e-6));
    }

    @Test
    void lossValuesByHand() {
        Matrix a = Matrix.of(new float[] {0.8f}, new float[] {0.4f});
        Matrix t = Matrix.of(new float[] {1}, new float[] {0});
        // −(log 0.8 + log 0.6)/2 and (0.04 + 0.16)/(2·2)
        assertThat(new SigmoidBinaryCrossEntropy().value(a, t)).isCloseTo(0.3669845875400, within(1e-6));
        assertThat(new MeanSquaredError(new Identity()).value(a, t)).isCloseTo(0.05, within(1e-7));
        Matrix g = new Matrix(2, 1);
        new MeanSquaredError(new Identity()).gradient(a, a, t, g);
        assertThat(g.data()).containsExactly(new float[] {-0.1f, 0.2f}, within(1e-7f));
    }

    @Test
    void courseXorNetworkWithRelu() {
        Dense hidden = new Dense(2, 2, ZEROS, new Rng(0));
        hidden.setWeightsOutByIn(new float[] {1, 1, 1, 1});
        System.arraycopy(new float[] {0, -1}, 0, hidden.bias().value(), 0, 2);
        Dense output = new Dense(2, 1, ZEROS, new Rng(0));
        output.setWeightsOutByIn(new float[] {1, -2});
        ActivationLayer relu = new ActivationLayer(new Relu(), 2);
        ActivationLayer identity = new ActivationLayer(new Identity(), 1);
        Matrix x = Matrix.of(new float[] {0, 0}, new float[] {0, 1}, new float[] {1, 0}, new float[] {1, 1});
        Matrix y = identity.forward(output.forward(relu.forward(hidden.forward(x, false), false), false), false);
        assertThat(y.copy().data()).containsExactly(0f, 1f, 1f, 0f);
    }

    @Test
    void stepIsHeavisideAndRefusesBackward() {
        Step step = new Step();
        assertThat(apply(step, -1, -1e-30f, 0, 1e-30f, 5)).containsExactly(0f, 0f, 1f, 1f, 1f);
        assertThat(step.differentiable()).isFalse();
        Matrix m = new Matrix(1, 1);
        assertThatThrownBy(() -> step.backward(m, m, m, m)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("step has no gradient").hasMessageContaining("perceptron")
                .hasMessageContaining("sigmoid");
        ActivationLayer layer = new ActivationLayer(step, 1);
        layer.forward(m, true);
        assertThatThrownBy(() -> layer.backward(m)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void softmaxAndCrossEntropyStayFinite() {
        Matrix z = Matrix.of(new float[] {1000, -1000, 0}, new float[] {-1000, -1000, -1000}, new float[] {1000, 1000, 999});
        Matrix a = new Matrix(3, 3);
        new Softmax().forward(z, a);
        for (float v : a.data()) {
            assertThat(v).isFinite();
        }
        assertThat(a.row(0)).containsExactly(1f, 0f, 0f);
        assertThat(a.get(1, 0)).isCloseTo(1f / 3, within(1e-7f));
        Matrix zeroes = Matrix.of(new float[] {0f, 1f});
        Matrix target = Matrix.of(new float[] {1f, 0f});
        double ce = new SoftmaxCrossEntropy().value(zeroes, target);
        assertThat(ce).isFinite().isCloseTo(-Math.log(1e-7), within(1e-6));
        assertThat(new SigmoidBinaryCrossEntropy().value(zeroes, target)).isFinite();
    }

    @Test
    void unknownNamesAreEchoedWithTheChoices() {
        assertThatThrownBy(() -> Activations.requireKnown("relux")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown activation 'relux'; expected one of "
                        + "[identity, step, sigmoid, tanh, relu, leaky_relu, gelu, softmax]");
        assertThatThrownBy(() -> Losses.requireCompatible("hinge", "relu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hinge'").hasMessageContaining("[mse, binary_cross_entropy, cross_entropy]");
        assertThatThrownBy(() -> Losses.requireCompatible("cross_entropy", "sigmoid"))
                .hasMessageContaining("softmax").hasMessageContaining("'sigmoid'");
        assertThatThrownBy(() -> Losses.requireCompatible("binary_cross_entropy", "softmax"))
                .hasMessageContaining("sigmoid").hasMessageContaining("'softmax'");
        assertThatThrownBy(() -> Losses.requireCompatible("mse", "step")).hasMessageContaining("'step'");
        assertThatThrownBy(() -> Losses.requireCompatible("mse", "swish")).hasMessageContaining("'swish'");
        Losses.requireCompatible("mse", "softmax");
        Loss loss = Losses.create("cross_entropy", new Softmax());
        assertThat(loss.name()).isEqualTo("cross_entropy");
        for (String name : Activations.NAMES) {
            assertThat(Activations.create(name, 0.01).name()).isEqualTo(name);
        }
    }
}
