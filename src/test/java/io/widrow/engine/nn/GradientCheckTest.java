package io.widrow.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.widrow.engine.check.GradientChecker;
import io.widrow.engine.nn.activation.Activations;
import io.widrow.engine.nn.activation.Identity;
import io.widrow.engine.nn.loss.Loss;
import io.widrow.engine.nn.loss.Losses;
import io.widrow.engine.nn.loss.MeanSquaredError;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite differences are the only independent oracle for hand-written backward passes. */
class GradientCheckTest {
    private static final int BATCH = 4;
    private static final int IN = 3;
    private static final int WIDTH = 5;
    private static final int OUT = 3;

    /** Output activation × loss pairs the engine accepts (step excluded: it has no gradient). */
    static final List<String[]> OUTPUT_PAIRS = List.of(
            new String[] {"identity", "mse"}, new String[] {"sigmoid", "mse"},
            new String[] {"sigmoid", "binary_cross_entropy"}, new String[] {"tanh", "mse"},
            new String[] {"relu", "mse"}, new String[] {"leaky_relu", "mse"}, new String[] {"gelu", "mse"},
            new String[] {"softmax", "mse"}, new String[] {"softmax", "cross_entropy"});

    private static void assertPasses(List<Layer> layers, Loss loss, Matrix x, Matrix t) {
        GradientChecker.Report report = GradientChecker.check(layers, loss, x, t);
        assertThat(report.failures()).as(report.toString()).isEmpty();
        assertThat(report.checked()).as(report.toString()).isGreaterThanOrEqualTo((report.checked() + report.skipped()) / 3);
    }

    private static Loss mseIdentity() {
        return new MeanSquaredError(new Identity());
    }

    @Test
    void dense() {
        Rng rng = new Rng(1);
        Dense dense = new Dense(IN, WIDTH, TestNets.gaussian(1), rng);
        assertPasses(List.of(dense), mseIdentity(), TestNets.random(rng, BATCH, IN, 1), TestNets.random(rng, BATCH, WIDTH, 1));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void batchNorm(boolean largeMomentum) {
        Rng rng = new Rng(2);
        BatchNorm bn = new BatchNorm(WIDTH, largeMomentum ? 0.99 : 0.1, 1e-5);
        TestNets.jitter(bn, rng);
        assertPasses(List.of(bn), mseIdentity(), TestNets.random(rng, BATCH, WIDTH, 2), TestNets.random(rng, BATCH, WIDTH, 1));
    }

    @Test
    void layerNorm() {
        Rng rng = new Rng(3);
        LayerNorm ln = new LayerNorm(WIDTH, 1e-5);
        TestNets.jitter(ln, rng);
        assertPasses(List.of(ln), mseIdentity(), TestNets.random(rng, BATCH, WIDTH, 2), TestNets.random(rng, BATCH, WIDTH, 1));
    }

    /** The identity layer on top is fused with MSE, so the activation's own backward is what gets checked. */
    @ParameterizedTest
    @ValueSource(strings = {"identity", "sigmoid", "tanh", "relu", "leaky_relu", "gelu", "softmax"})
    void activationLayer(String name) {
        Rng rng = new Rng(4);
        List<Layer> layers = List.of(new ActivationLayer(TestNets.activation(name), WIDTH),
                new ActivationLayer(new Identity(), WIDTH));
        assertPasses(layers, mseIdentity(), TestNets.random(rng, BATCH, WIDTH, 2), TestNets.random(rng, BATCH, WIDTH, 1));
    }

    static Stream<Arguments> outputPairs() {
        return OUTPUT_PAIRS.stream().map(p -> Arguments.of(p[0], p[1]));
    }

    /** One Dense + output activation: checks each loss's (fused) gradient against its value. */
    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("outputPairs")
    void lossWithItsOutputActivation(String activation, String lossName) {
        Rng rng = new Rng(5);
        List<Layer> layers = TestNets.network(IN, WIDTH, OUT, 0, "identity", "none", activation, rng);
        Loss loss = Losses.create(lossName, ((ActivationLayer) layers.get(layers.size() - 1)).activation());
        assertPasses(layers, loss, TestNets.random(rng, BATCH, IN, 1), target(lossName, activation, rng));
    }

    static Matrix target(String loss, String activation, Rng rng) {
        return switch (loss) {
            case "cross_entropy" -> TestNets.oneHot(rng, BATCH, OUT);
            case "binary_cross_entropy" -> TestNets.binary(rng, BATCH, OUT);
            default -> activation.equals("sigmoid") || activation.equals("softmax")
                    ? TestNets.uniform(rng, BATCH, OUT, 0, 1)
                    : TestNets.random(rng, BATCH, OUT, 1);
        };
    }

    static Stream<Arguments> networks() {
        List<Arguments> all = new ArrayList<>();
        for (String hidden : Activations.NAMES) {
            if (hidden.equals("step")) {
                continue;
            }
            for (String[] pair : OUTPUT_PAIRS) {
                for (int depth = 1; depth <= 3; depth++) {
                    for (String norm : List.of("none", "batchnorm", "layernorm")) {
                        all.add(Arguments.of(hidden, pair[0], pair[1], depth, norm));
                    }
                }
            }
        }
        return all.stream();
    }

    /**
     * Acceptance: every activation (except step) × every compatible loss × depths 1–3, with and without
     * BatchNorm/LayerNorm. Hidden layers use each activation in turn; the output pair varies independently.
     */
    @ParameterizedTest(name = "hidden {0}, output {1} + {2}, depth {3}, {4}")
    @MethodSource("networks")
    void wholeNetwork(String hidden, String output, String lossName, int depth, String norm) {
        Rng rng = new Rng(1000L * depth + hidden.hashCode() * 31L + output.hashCode() + lossName.hashCode() + norm.hashCode());
        List<Layer> layers = TestNets.network(IN, WIDTH, OUT, depth, hidden, norm, output, rng);
        Loss loss = Losses.create(lossName, ((ActivationLayer) layers.get(layers.size() - 1)).activation());
        assertPasses(layers, loss, TestNets.random(rng, BATCH, IN, 1), target(lossName, output, rng));
    }
}
