package io.widrow.engine.optim;

/**
 * Per-element update rules. Each reads {@code g} (never writes it) and folds L2 decay in as
 * g + λ·θ, so a gradient array can be shared or inspected after the step. Scalars arrive in double
 * and element math runs in double, stored back to float.
 */
public final class OptimizerKernels {
    private OptimizerKernels() {
    }

    /** θ ← θ − α(g + λθ). */
    public static void sgd(float[] w, float[] g, double lr, double decay) {
        for (int i = 0; i < w.length; i++) {
            double grad = g[i] + decay * w[i];
            w[i] = (float) (w[i] - lr * grad);
        }
    }

    /** v ← γv − α(g + λθ); θ ← θ + v. */
    public static void momentum(float[] w, float[] g, float[] v, double lr, double gamma, double decay) {
        for (int i = 0; i < w.length; i++) {
            double grad = g[i] + decay * w[i];
            double vel = gamma * v[i] - lr * grad;
            v[i] = (float) vel;
            w[i] = (float) (w[i] + vel);
        }
    }

    /** v ← γv − αg'; θ ← θ + γv − αg' (Sutskever's reformulation, see {@link Nesterov}). */
    public static void nesterov(float[] w, float[] g, float[] v, double lr, double gamma, double decay) {
        for (int i = 0; i < w.length; i++) {
            double grad = g[i] + decay * w[i];
            double vel = gamma * v[i] - lr * grad;
            v[i] = (float) vel;
            w[i] = (float) (w[i] + gamma * vel - lr * grad);
        }
    }

    /**
     * m ← β1m + (1−β1)g'; s ← β2s + (1−β2)g'²; θ ← θ − α·(m/bc1) / (sqrt(s/bc2) + ε), with
     * bc1 = 1 − β1^t and bc2 = 1 − β2^t computed once per step by the caller.
     */
    public static void adam(float[] w, float[] g, float[] m, float[] s, double lr, double beta1, double beta2,
                            double eps, double bc1, double bc2, double decay) {
        for (int i = 0; i < w.length; i++) {
            double grad = g[i] + decay * w[i];
            double mi = beta1 * m[i] + (1 - beta1) * grad;
            double si = beta2 * s[i] + (1 - beta2) * grad * grad;
            m[i] = (float) mi;
            s[i] = (float) si;
            w[i] = (float) (w[i] - lr * (mi / bc1) / (Math.sqrt(si / bc2) + eps));
        }
    }

    /** s ← ρs + (1−ρ)g'²; θ ← θ − αg' / (sqrt(s) + ε). */
    public static void rmsProp(float[] w, float[] g, float[] s, double lr, double rho, double eps, double decay) {
        for (int i = 0; i < w.length; i++) {
            double grad = g[i] + decay * w[i];
            double si = rho * s[i] + (1 - rho) * grad * grad;
            s[i] = (float) si;
            w[i] = (float) (w[i] - lr * grad / (Math.sqrt(si) + eps));
        }
    }

    /** s ← s + g'²; θ ← θ − αg' / (sqrt(s) + ε). */
    public static void adaGrad(float[] w, float[] g, float[] s, double lr, double eps, double decay) {
        for (int i = 0; i < w.length; i++) {
            double grad = g[i] + decay * w[i];
            double si = s[i] + grad * grad;
            s[i] = (float) si;
            w[i] = (float) (w[i] - lr * grad / (Math.sqrt(si) + eps));
        }
    }
}
