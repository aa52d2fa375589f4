package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Matrix;

/** Heaviside H(z) = 1 for z ≥ 0 else 0: kept for the perceptron rule, which needs no derivative. */
public final class Step implements Activation {
    @Override
    public String name() {
        return "step";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a);
        float[] zd = z.data();
        float[] ad = a.data();
        for (int i = 0, n = z.size(); i < n; i++) {
            ad[i] = zd[i] >= 0f ? 1f : 0f;
        }
    }

    /** Always throws: the derivative is zero almost everywhere, so back-propagation would learn nothing. */
    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        throw new UnsupportedOperationException("step has no gradient: it can only be trained by the perceptron rule;"
                + " use sigmoid, tanh, relu, leaky_relu, gelu or identity for back-propagation");
    }

    @Override
    public boolean differentiable() {
        return false;
    }
}
