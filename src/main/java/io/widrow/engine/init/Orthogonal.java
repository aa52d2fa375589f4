package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/**
 * Saxe et al. (2014), as PyTorch's {@code init.orthogonal_} (gain 1): a Gaussian fanOut × fanIn matrix
 * made orthonormal, rows when fanOut ≤ fanIn, columns otherwise.
 *
 * <p>PyTorch takes Q from a Householder QR and multiplies each column by sign(diag R) so that the result
 * is uniformly (Haar) distributed. Gram-Schmidt produces the QR factor whose R has a positive diagonal
 * directly, which is exactly that sign-corrected Q, so no separate correction is needed.
 */
public final class Orthogonal implements Initializer {
    @Override
    public String name() {
        return "orthogonal";
    }

    @Override
    public void initialize(float[] w, int fanIn, int fanOut, Rng rng) {
        InitKernels.requireFans(w, fanIn, fanOut);
        boolean rowsOrthonormal = fanOut <= fanIn;
        int count = rowsOrthonormal ? fanOut : fanIn;
        int length = rowsOrthonormal ? fanIn : fanOut;
        // Vectors to orthonormalize, each contiguous; double precision keeps W·Wᵀ ≈ I for wide layers.
        double[] v = new double[w.length];
        for (int r = 0; r < fanOut; r++) {
            for (int c = 0; c < fanIn; c++) {
                double g = rng.nextGaussian();
                v[rowsOrthonormal ? r * fanIn + c : c * fanOut + r] = g;
            }
        }
        gramSchmidt(v, count, length);
        for (int r = 0; r < fanOut; r++) {
            for (int c = 0; c < fanIn; c++) {
                w[r * fanIn + c] = (float) v[rowsOrthonormal ? r * fanIn + c : c * fanOut + r];
            }
        }
    }

    /** Modified Gram-Schmidt, run twice per vector ("twice is enough") to keep orthogonality at n ~ 1000. */
    static void gramSchmidt(double[] v, int count, int length) {
        for (int i = 0; i < count; i++) {
            int oi = i * length;
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    int oj = j * length;
                    double dot = 0;
                    for (int k = 0; k < length; k++) {
                        dot += v[oi + k] * v[oj + k];
                    }
                    for (int k = 0; k < length; k++) {
                        v[oi + k] -= dot * v[oj + k];
                    }
                }
            }
            double norm = 0;
            for (int k = 0; k < length; k++) {
                norm += v[oi + k] * v[oi + k];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 1e-12)) {
                // A Gaussian matrix is rank-deficient with probability 0; reaching here means a broken Rng.
                throw new IllegalStateException("orthogonal init: drawn matrix is rank-deficient");
            }
            for (int k = 0; k < length; k++) {
                v[oi + k] /= norm;
            }
        }
    }
}
