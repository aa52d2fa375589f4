package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Matrix;

/**
 * Exact GELU x·Φ(x) with Φ from a double-precision erfc, not the tanh approximation: gradient checks
 * and other engines' reference values agree only with the exact form.
 */
public final class Gelu implements Activation {
    private static final double INV_SQRT2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a);
        float[] zd = z.data();
        float[] ad = a.data();
        for (int i = 0, n = z.size(); i < n; i++) {
            double x = zd[i];
            ad[i] = (float) (x * phi(x));
        }
    }

    /** d/dx x·Φ(x) = Φ(x) + x·φ(x). */
    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        z.requireSameShape(gradA);
        gradA.requireSameShape(gradZ);
        float[] zd = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0, n = z.size(); i < n; i++) {
            double x = zd[i];
            double d = phi(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            out[i] = (float) (g[i] * d);
        }
    }

    /** Standard normal CDF Φ(x) = erfc(−x/√2)/2; erfc keeps full relative precision in the far-left tail. */
    public static double phi(double x) {
        return 0.5 * erfc(-x * INV_SQRT2);
    }

    public static double erf(double x) {
        return Math.abs(x) < 0.5 ? erfSeries(x) : 1.0 - erfc(x);
    }

    /**
     * Complementary error function to ~1e-15 relative: a cancellation-free series for |x| < 3 (all terms
     * positive), the Laplace continued fraction beyond, where it converges in a few dozen terms.
     */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 0) {
            return 2.0 - erfc(-x);
        }
        if (x < 3.0) {
            return 1.0 - erfSeries(x);
        }
        if (x > 27.0) {
            return 0.0;
        }
        // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated bottom-up.
        double t = x;
        for (int k = 80; k >= 1; k--) {
            t = x + 0.5 * k / t;
        }
        return Math.exp(-x * x) / (Math.sqrt(Math.PI) * t);
    }

    /** erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): no alternating signs, so no cancellation. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }
}
