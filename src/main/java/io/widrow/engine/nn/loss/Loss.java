package io.widrow.engine.nn.loss;

import io.widrow.engine.tensor.Matrix;

/**
 * The loss layer at the top of a network, paired with the output activation. E is the mean over the
 * batch of the per-sample loss, so gradients are batch averages.
 */
public interface Loss {
    /** The JSON name: mse, binary_cross_entropy, cross_entropy. */
    String name();

    /** Mean per-sample loss of outputs a = f(z) against targets t (same shape). */
    double value(Matrix a, Matrix t);

    /**
     * Overwrites {@code gradZ} with dE/dz for the batch (already divided by the batch size): fused
     * a − t for sigmoid + binary cross-entropy and softmax + cross-entropy, (a − t) ⊙ f′(z) for MSE.
     */
    void gradient(Matrix z, Matrix a, Matrix t, Matrix gradZ);
}
