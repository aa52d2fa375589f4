package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Elementwise;
import io.widrow.engine.tensor.Matrix;

/**
 * Logistic σ(z) = 1 / (1 + e^−z). The layer computes it in float on the engine's element kernels (vector
 * and split over the pool, as ReLU is): in double, one element at a time on the caller, it made a sigmoid
 * network's training step over twice as long as a ReLU network's.
 */
public final class Sigmoid implements Activation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a);
        Elementwise.sigmoid(z.data(), a.data(), z.size());
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        a.requireSameShape(gradA);
        gradA.requireSameShape(gradZ);
        float[] ad = a.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0, n = a.size(); i < n; i++) {
            out[i] = g[i] * ad[i] * (1f - ad[i]);
        }
    }
}
