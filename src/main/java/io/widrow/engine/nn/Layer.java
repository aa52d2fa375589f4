package io.widrow.engine.nn;

import io.widrow.engine.tensor.Matrix;
import java.util.List;

/**
 * One stage of a network, working on a batch at a time (one sample per row).
 *
 * <p>Buffers returned by {@link #forward} and {@link #backward} are owned by the layer, grown only when a
 * larger batch arrives (so the steady state allocates nothing) and valid until the next call.
 */
public interface Layer {
    int inputSize();

    int outputSize();

    /**
     * Computes the layer's output for a batch. {@code training} selects training behaviour (BatchNorm
     * uses batch statistics and updates its running averages).
     */
    Matrix forward(Matrix input, boolean training);

    /**
     * Back-propagates dE/d(output) of the batch given to the last {@code forward(…, true)}: overwrites
     * the gradients of {@link #parameters()} and returns dE/d(input).
     */
    Matrix backward(Matrix gradOutput);

    /**
     * As {@link #backward(Matrix)}, but a layer may skip dE/d(input) and return null when
     * {@code needInputGradient} is false (the first layer of a network: nothing consumes it).
     */
    default Matrix backward(Matrix gradOutput, boolean needInputGradient) {
        return backward(gradOutput);
    }

    /** Trainable parameters in a stable order (empty for parameter-free layers). */
    List<Parameter> parameters();

    /**
     * Non-trainable state that must be saved with the model (BatchNorm running mean and variance);
     * their {@code grad} arrays are unused.
     */
    default List<Parameter> buffers() {
        return List.of();
    }

    /** Short name for architecture listings, e.g. {@code "dense"}, {@code "relu"}, {@code "batchnorm"}. */
    String kind();
}
