package io.widrow.engine.tensor;

/**
 * tanh in float as Cephes tanhf computes it, with the operations {@link FloatExp} restricts itself to, so
 * the vector kernel's lanes and this scalar give the same bits. Both branches work on |x| and take x's
 * sign at the end: tanh is odd, so the two halves agree exactly and −0.0 stays −0.0 (a sum x + c with
 * x = −0.0 and c = +0.0 would give +0.0).
 */
final class FloatTanh {
    /**
     * From here up, 1 − 2/(e^2|x| + 1); below, the odd polynomial (Cephes tanhf's switch point). Measured
     * over every float: the polynomial is within 0.72 ulp below 0.625 but 1.2 ulps just above and 3 by
     * 0.67, while the exp form, whose subtraction cancels more the smaller |x| is, is within 1.35 ulps
     * from 0.625 up and 2.5 at 0.3. Either way tanh is within 1.33 ulps of {@code Math.tanh}.
     */
    static final float THRESHOLD = 0.625f;
    /** Cephes tanhf: tanh(x) = x + x·x²·P(x²) on [0, 0.625]. */
    static final float P0 = -5.70498872745e-3f;
    static final float P1 = 2.06390887954e-2f;
    static final float P2 = -5.37397155531e-2f;
    static final float P3 = 1.33314422036e-1f;
    static final float P4 = -3.33332819422e-1f;

    private FloatTanh() {
    }

    static float tanh(float x) {
        if (x != x) {
            return x;
        }
        float ax = Math.abs(x);
        float t;
        if (ax >= THRESHOLD) {
            // e^2|x| overflows to +inf from |x| ≈ 44.4 up (and for infinite x), making this exactly 1.
            t = 1f - 2f / (FloatExp.exp(ax + ax) + 1f);
        } else {
            float z = ax * ax;
            float p = Math.fma(Math.fma(Math.fma(Math.fma(P0, z, P1), z, P2), z, P3), z, P4);
            t = Math.fma(ax * z, p, ax);
        }
        // t is not negative on either branch, so this only sets x's sign.
        return Math.copySign(t, x);
    }
}
