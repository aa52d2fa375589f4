package io.widrow.engine.nn.activation;

/**
 * The activations in double, as references for the float kernels' tests: σ, and the standard normal CDF
 * Φ behind GELU with its erf and erfc. The layers used these until their float kernels replaced them;
 * nothing in the engine calls them now.
 */
public final class DoubleReference {
    private static final double INV_SQRT2 = 0.7071067811865476;

    private DoubleReference() {
    }

    /** σ in double. Exponentiates only non-positive numbers, so neither branch can overflow. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** Standard normal CDF Φ(x) = erfc(−x/√2)/2; erfc keeps full relative precision in the far-left tail. */
    public static double phi(double x) {
        return 0.5 * erfc(-x * INV_SQRT2);
    }

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double y = Math.abs(x);
        if (y <= SMALL) {
            return x * small(y);
        }
        double c = erfcPositive(y);
        return x < 0 ? c - 1.0 : 1.0 - c;
    }

    /**
     * Complementary error function with full double relative precision, by W. J. Cody's rational
     * approximations (Math. Comp. 23, 1969; netlib specfun CALERF).
     */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double y = Math.abs(x);
        double c = y <= SMALL ? 1.0 - x * small(y) : erfcPositive(y);
        return x < 0 && y > SMALL ? 2.0 - c : c;
    }

    /** Below this |x|, erf(x) = x·R(x²) and erfc = 1 − erf loses nothing. */
    private static final double SMALL = 0.46875;
    /** erfc(x) underflows double beyond this. */
    private static final double BIG = 26.543;

    private static final double[] A = {3.1611237438705656, 113.864154151050156, 377.485237685302021,
            3209.37758913846947, 0.185777706184603153};
    private static final double[] B = {23.6012909523441209, 244.024637934444173, 1282.61652607737228,
            2844.23683343917062};
    private static final double[] C = {0.564188496988670089, 8.88314979438837594, 66.1191906371416295,
            298.635138197400131, 881.95222124176909, 1712.04761263407058, 2051.07837782607147,
            1230.33935479799725, 2.15311535474403846e-8};
    private static final double[] D = {15.7449261107098347, 117.693950891312499, 537.181101862009858,
            1621.38957456669019, 3290.79923573345963, 4362.61909014324716, 3439.36767414372164,
            1230.33935480374942};
    private static final double[] P = {0.305326634961232344, 0.360344899949804439, 0.125781726111229246,
            0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978};
    private static final double[] Q = {2.56852019228982242, 1.87295284992346047, 0.527905102951428412,
            0.0605183413124413191, 0.00233520497626869185};
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;

    /** erf(y)/y for 0 ≤ y ≤ {@link #SMALL}. */
    private static double small(double y) {
        double ysq = y * y;
        double num = A[4] * ysq;
        double den = ysq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return (num + A[3]) / (den + B[3]);
    }

    /** erfc(y) for y &gt; {@link #SMALL}. */
    private static double erfcPositive(double y) {
        if (y >= BIG) {
            return 0.0;
        }
        double r;
        if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            r = (num + C[7]) / (den + D[7]);
        } else {
            double z = 1.0 / (y * y);
            double num = P[5] * z;
            double den = z;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * z;
                den = (den + Q[i]) * z;
            }
            r = (ONE_OVER_SQRT_PI - z * (num + P[4]) / (den + Q[4])) / y;
        }
        // e^(−y²) as e^(−h²)·e^(−(y−h)(y+h)) with h = y rounded down to 1/16: h² is exact, so the rounding
        // of y² is not magnified by the exponential (relative error would grow like 2y²·ulp otherwise).
        int k = (int) (y * 16.0);
        double h = k / 16.0;
        return EXP_NEG_SQUARE_SIXTEENTHS[k] * Math.exp(-(y - h) * (y + h)) * r;
    }

    /** e^(−(k/16)²) for every k/16 below {@link #BIG}: one exp per erfc instead of two. */
    private static final double[] EXP_NEG_SQUARE_SIXTEENTHS = new double[(int) (BIG * 16) + 1];

    static {
        for (int k = 0; k < EXP_NEG_SQUARE_SIXTEENTHS.length; k++) {
            double h = k / 16.0;
            EXP_NEG_SQUARE_SIXTEENTHS[k] = Math.exp(-h * h);
        }
    }
}
