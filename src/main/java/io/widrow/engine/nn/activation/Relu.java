package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Matrix;

/** max(z, 0); shares LeakyRelu's loops with slope 0 so the two cannot drift apart. */
public final class Relu implements Activation {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        LeakyRelu.apply(z, a, 0f);
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        LeakyRelu.applyBackward(z, gradA, gradZ, 0f);
    }
}
