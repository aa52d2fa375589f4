package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Matrix;

/** An activation function f applied to a batch of pre-activations (element-wise; softmax row-wise). */
public interface Activation {
    /** The JSON name: identity, step, sigmoid, tanh, relu, leaky_relu, gelu, softmax. */
    String name();

    /** Overwrites {@code a} with f(z); a and z have the same shape and may not alias. */
    void forward(Matrix z, Matrix a);

    /**
     * Overwrites {@code gradZ} with dE/dz given z, a = f(z) and gradA = dE/da (a Jacobian-vector product
     * for softmax). Throws {@link UnsupportedOperationException} when f has no usable derivative (step).
     */
    void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ);

    /** False for step: the engine refuses to train through it (except in the perceptron). */
    default boolean differentiable() {
        return true;
    }
}
