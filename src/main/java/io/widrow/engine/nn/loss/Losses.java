package io.widrow.engine.nn.loss;

import io.widrow.engine.nn.activation.Activation;
import io.widrow.engine.nn.activation.Activations;
import java.util.List;

/** Creates losses by their JSON names and checks loss/activation pairs. */
public final class Losses {
    public static final List<String> NAMES = List.of("mse", "binary_cross_entropy", "cross_entropy");

    private Losses() {
    }

    /**
     * Throws IllegalArgumentException when the loss is unknown or cannot pair with the output activation
     * (cross_entropy needs softmax, binary_cross_entropy needs sigmoid; mse takes any differentiable one).
     * The fused gradients a − t are only correct for those exact pairs, so other pairs are refused.
     */
    public static void requireCompatible(String loss, String activation) {
        if (loss == null || !NAMES.contains(loss)) {
            throw new IllegalArgumentException("unknown loss '" + loss + "'; expected one of " + NAMES);
        }
        Activations.requireKnown(activation);
        switch (loss) {
            case "cross_entropy" -> require("softmax".equals(activation), loss, activation, "a softmax output activation");
            case "binary_cross_entropy" -> require("sigmoid".equals(activation), loss, activation, "a sigmoid output activation");
            default -> require(!"step".equals(activation), loss, activation,
                    "a differentiable output activation (step has no gradient)");
        }
    }

    public static Loss create(String loss, Activation outputActivation) {
        requireCompatible(loss, outputActivation.name());
        return switch (loss) {
            case "cross_entropy" -> new SoftmaxCrossEntropy();
            case "binary_cross_entropy" -> new SigmoidBinaryCrossEntropy();
            default -> new MeanSquaredError(outputActivation);
        };
    }

    private static void require(boolean ok, String loss, String activation, String need) {
        if (!ok) {
            throw new IllegalArgumentException("loss '" + loss + "' needs " + need + ", got '" + activation + "'");
        }
    }
}
