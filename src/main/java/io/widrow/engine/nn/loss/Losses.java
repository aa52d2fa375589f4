package io.widrow.engine.nn.loss;

import io.widrow.engine.nn.activation.Activation;

/** Creates losses by their JSON names and checks loss/activation pairs. */
public final class Losses {
    private Losses() {
    }

    /**
     * Throws IllegalArgumentException when the loss is unknown or cannot pair with the output activation
     * (cross_entropy needs softmax, binary_cross_entropy needs sigmoid; mse takes any differentiable one).
     */
    public static void requireCompatible(String loss, String activation) {
        throw new UnsupportedOperationException("TODO");
    }

    public static Loss create(String loss, Activation outputActivation) {
        throw new UnsupportedOperationException("TODO");
    }
}
