package io.widrow.engine.nn.loss;

import io.widrow.engine.tensor.Matrix;

/** E = −1/N Σ t log a over a softmax output; gradient fused to (a − t)/N. */
public final class SoftmaxCrossEntropy implements Loss {
    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public double value(Matrix a, Matrix t) {
        a.requireSameShape(t);
        float[] ad = a.data();
        float[] td = t.data();
        double sum = 0;
        for (int i = 0, n = a.size(); i < n; i++) {
            // Skipping zero targets avoids 0·log(0) and saves a log per non-target class.
            if (td[i] != 0f) {
                sum -= td[i] * CrossEntropies.log(ad[i]);
            }
        }
        return a.rows() == 0 ? 0 : sum / a.rows();
    }

    @Override
    public void gradient(Matrix z, Matrix a, Matrix t, Matrix gradZ) {
        CrossEntropies.fusedGradient(a, t, gradZ);
    }
}
