package io.widrow.engine.nn;

import io.widrow.engine.init.Initializers;
import io.widrow.engine.nn.activation.Activations;
import io.widrow.engine.nn.loss.Losses;

/**
 * The output layer: a dense layer of {@code units} neurons (0 = infer from the data: classes for
 * softmax, 1 for sigmoid, target columns for regression), its activation, the loss and the initializer.
 */
public record OutputSpec(int units, String activation, String loss, String init) {
    public OutputSpec {
        if (units < 0) {
            throw new IllegalArgumentException("output units must be >= 0 (0 = infer), got " + units);
        }
        Activations.requireKnown(activation);
        Losses.requireCompatible(loss, activation);
        Initializers.requireKnown(init);
    }
}
