package io.widrow.engine.optim;

import io.widrow.engine.nn.Parameter;
import java.util.List;

/**
 * Gradient clipping applied between backward and the optimizer step. Unlike the optimizers these
 * <em>mutate the gradient arrays</em> in place, so the clipped gradient is what the step sees.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Mutates every grad: if the L2 norm over all gradients together exceeds {@code maxNorm}, scales them
     * all by maxNorm / norm, which keeps the update direction. Returns the norm before clipping (for
     * monitoring); a NaN norm is returned and nothing is scaled.
     */
    public static double clipByGlobalNorm(List<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be > 0 and finite, got " + maxNorm);
        }
        double sum = 0;
        for (Parameter p : parameters) {
            for (float g : p.grad()) {
                sum += (double) g * g;
            }
        }
        double norm = Math.sqrt(sum);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / norm);
            for (Parameter p : parameters) {
                float[] g = p.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= scale;
                }
            }
        }
        return norm;
    }

    /** Mutates every grad: clamps each element into [−limit, limit]. Returns how many were clamped. */
    public static int clipByValue(List<Parameter> parameters, double limit) {
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("clip limit must be > 0 and finite, got " + limit);
        }
        float hi = (float) limit;
        int clamped = 0;
        for (Parameter p : parameters) {
            float[] g = p.grad();
            for (int i = 0; i < g.length; i++) {
                if (g[i] > hi) {
                    g[i] = hi;
                    clamped++;
                } else if (g[i] < -hi) {
                    g[i] = -hi;
                    clamped++;
                }
            }
        }
        return clamped;
    }
}
