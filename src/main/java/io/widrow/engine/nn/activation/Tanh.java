package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Matrix;

/** Hyperbolic tangent; its derivative 1 − a² is read from the cached output instead of recomputed. */
public final class Tanh implements Activation {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a);
        float[] zd = z.data();
        float[] ad = a.data();
        for (int i = 0, n = z.size(); i < n; i++) {
            ad[i] = (float) Math.tanh(zd[i]);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        a.requireSameShape(gradA);
        gradA.requireSameShape(gradZ);
        float[] ad = a.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0, n = a.size(); i < n; i++) {
            out[i] = g[i] * (1f - ad[i] * ad[i]);
        }
    }
}
