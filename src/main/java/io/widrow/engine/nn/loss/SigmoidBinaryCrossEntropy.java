package io.widrow.engine.nn.loss;

import io.widrow.engine.tensor.Matrix;

/** E = −1/N Σ [t log a + (1 − t) log(1 − a)] over a sigmoid output; gradient fused to (a − t)/N. */
public final class SigmoidBinaryCrossEntropy implements Loss {
    @Override
    public String name() {
        return "binary_cross_entropy";
    }

    @Override
    public double value(Matrix a, Matrix t) {
        a.requireSameShape(t);
        float[] ad = a.data();
        float[] td = t.data();
        double sum = 0;
        for (int i = 0, n = a.size(); i < n; i++) {
            double p = ad[i];
            double y = td[i];
            sum -= y * CrossEntropies.log(p) + (1 - y) * CrossEntropies.log(1 - p);
        }
        return a.rows() == 0 ? 0 : sum / a.rows();
    }

    @Override
    public void gradient(Matrix z, Matrix a, Matrix t, Matrix gradZ) {
        CrossEntropies.fusedGradient(a, t, gradZ);
    }
}
