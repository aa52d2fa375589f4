package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Matrix;

/** Logistic σ(z) = 1 / (1 + e^−z), evaluated so that exp never overflows for large |z|. */
public final class Sigmoid implements Activation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a);
        float[] zd = z.data();
        float[] ad = a.data();
        for (int i = 0, n = z.size(); i < n; i++) {
            ad[i] = (float) sigmoid(zd[i]);
        }
    }

    /** Exponentiates only non-positive numbers, so neither branch can overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
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
