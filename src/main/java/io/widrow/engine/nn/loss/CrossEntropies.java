package io.widrow.engine.nn.loss;

import io.widrow.engine.tensor.Matrix;

/** Shared arithmetic of the two cross-entropies: the clamp that keeps log away from 0 and the fused a − t. */
final class CrossEntropies {
    /** Outputs are floats, so clamping to 1e-7 caps the per-element loss near 16 instead of infinity. */
    static final double EPS = 1e-7;

    private CrossEntropies() {
    }

    static double log(double p) {
        return Math.log(Math.min(Math.max(p, EPS), 1.0 - EPS));
    }

    /** gradZ = (a − t)/N: the activation's Jacobian cancels the loss's 1/a terms exactly. */
    static void fusedGradient(Matrix a, Matrix t, Matrix gradZ) {
        a.requireSameShape(t);
        a.requireSameShape(gradZ);
        float[] ad = a.data();
        float[] td = t.data();
        float[] out = gradZ.data();
        float inv = a.rows() == 0 ? 0f : 1f / a.rows();
        for (int i = 0, n = a.size(); i < n; i++) {
            out[i] = (ad[i] - td[i]) * inv;
        }
    }
}
