package io.widrow.engine.tensor;

/**
 * The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x) in float, with the operations {@link FloatExp}
 * restricts itself to (IEEE float add, multiply and divide, exact fused multiply-adds, min/max/compare and
 * e^x from {@link FloatExp#exp}), so the vector kernel's lanes and these scalars give the same bits.
 *
 * <p>One formula covers every x, with no cancellation on either side of 0: with t = |x|, the upper tail
 * Φ(−t) = e^(−t²/2)·m(t), where m(t) = Φ(−t)·e^(t²/2) is the Mills ratio over √(2π), smooth and slowly
 * varying (0.5 at 0, about 1/(t√(2π)) for large t). Then x·Φ(x) is x·Φ(−t) for x ≤ 0 and x − x·Φ(−t)
 * (one fused multiply-add) for x &gt; 0, where Φ(−t) ≤ 0.5 is only a correction.
 *
 * <ul>
 *   <li>m(t) = K·Q(t) / (t·Q(t) + P(t)), K = 1/√(2π), with P of degree 4 and Q of degree 5 fitted on
 *       [0, 14.5] (this form is the continued fraction's K/(t + P/Q): at large t the denominator's t·Q
 *       dominates, so the rounding errors of Q's Horner steps cancel between numerator and denominator). The
 *       coefficients were fitted (a linearized, reweighted least-squares rational fit against mpmath's erfc
 *       at 40 digits) with P(0) = 2K, so m(0) = 0.5 exactly; rounded to float they are within 2.6e-9
 *       relative of m, and evaluated in float within 1.5e-7.</li>
 *   <li>e^(−t²/2) without magnifying the rounding of t²: t² = h + l exactly (h = x·x, l = fma(x, x, −h)),
 *       h/2 is exact, and e^(−t²/2) = e^(−h/2)·(1 − l/2) to within (l/2)² &lt; 1e-11 relative. (Rounding
 *       x/√2 or x² first, as Cephes erfcf does, is off by 2·(x²/2)·2^−24 relative: 1e-5 at x = −13.)</li>
 *   <li>For x ≤ 0 the exponential is the last factor, so a result just above the smallest normal float is
 *       rounded once; below it, results are {@linkplain #flush flushed} to −0.0.</li>
 * </ul>
 *
 * Measured against the double reference x·Φ(x) (Cody's erfc, the tests' {@code DoubleReference.phi}) on
 * every 13th float in [−14.5, 8] (170 million): {@link #gelu} within 4.55 ulps where the result is a normal float (about 3.7
 * for x &lt; 0, 0.5 from x = 2 up; so relative error below 5.5e-7); where the true value is subnormal
 * the unflushed result was within 1.7 · 2^−149 of it, and the flush then returns ±0. The derivative is within 4.5 ulps of max(Φ(x), |x|·φ(x)), the larger of its two terms (near
 * x = −0.75, where they cancel, no float sum is accurate relative to the tiny result), and within 5.8 for
 * |x| in [13.1, 13.5], where e^(−x²/2) is already a subnormal but the derivative is not. From x = 8 up the
 * result is x (derivative 1) exactly; from −14.5 down it is −0.0 (derivative −0.0), the float the true
 * value rounds to below −14.43.
 */
final class FloatGelu {
    /** 1/√(2π). */
    static final float K = 0.3989423f;
    /** −K/2, exact. */
    static final float HALF_NEG_K = -0.5f * K;
    /** From here down GELU is −0.0 in float (its magnitude is below half the smallest subnormal). */
    static final float NEG_CUT = -14.5f;
    /** Above this, x·Φ(x) rounds to x and the derivative to 1 (Φ(−8) = 6e-16). */
    static final float POS_CUT = 8f;
    /** Bound, in ulps, of {@link #gelu} where its result is a normal float (4.55 measured). */
    static final double GELU_ULPS = 5;
    /** Bound, in ulps of the larger term, of {@link #derivative} (5.8 measured). */
    static final double DERIVATIVE_ULPS = 6;
    /** P(t) = P0 + P1·t + … + P4·t⁴, P0 = 2K. */
    static final float P0 = 0.7978846f;
    static final float P1 = 0.49685478f;
    static final float P2 = 0.16312216f;
    static final float P3 = 0.029061006f;
    static final float P4 = 0.0024065196f;
    /** Q(t) = 1 + Q1·t + … + Q5·t⁵. */
    static final float Q1 = 1.0781447f;
    static final float Q2 = 0.55884194f;
    static final float Q3 = 0.1676165f;
    static final float Q4 = 0.029076975f;
    static final float Q5 = 0.0024061296f;

    private FloatGelu() {
    }

    /** Q(t) / (t·Q(t) + P(t)) = m(t)/K for t ≥ 0. */
    static float ratio(float t) {
        float q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Q5, t, Q4), t, Q3), t, Q2), t, Q1), t, 1f);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(P4, t, P3), t, P2), t, P1), t, P0);
        return q / Math.fma(t, q, p);
    }

    /** x·Φ(x), {@linkplain #flush flushed} to ±0 where subnormal; NaN for NaN (the same bits). */
    static float gelu(float x) {
        if (x != x || x > POS_CUT) {
            return x;
        }
        float xc = Math.max(x, NEG_CUT);
        float t = Math.abs(xc);
        float h = xc * xc;
        float c = Math.fma(Math.fma(xc, xc, -h), HALF_NEG_K, K);
        float e = FloatExp.exp(-0.5f * h);
        // q·e = Φ(−t), with e last.
        float q = ratio(t) * c;
        return flush(xc <= 0f ? (xc * q) * e : Math.fma(-xc, q * e, xc));
    }

    /**
     * ±0 for a subnormal v (with v's sign), else v. The JVM runs without flush-to-zero, and on x86 every
     * multiply-add that reads a subnormal takes a microcode assist: GELU's far-left tail (about −13.1 to
     * −14.4) fed such values to the next layer's products, and a GELU network's training step on
     * unstandardized inputs grew from 1.5 ms to 10 ms over 3,000 steps as they spread (1.6–1.8 ms
     * throughout with this flush). The flush moves a value by less than 1.2e-38.
     */
    static float flush(float v) {
        return Math.abs(v) < Float.MIN_NORMAL ? Math.copySign(0f, v) : v;
    }

    /**
     * Φ(x) + x·φ(x) (NaN for NaN): for x ≤ 0 that is e^(−t²/2)·K·(m/K − t), for x &gt; 0 one minus that
     * (Φ(x) = 1 − Φ(−x), x·φ(x) = −(−x)·φ(−x)).
     */
    static float derivative(float x) {
        if (x > POS_CUT) {
            return 1f;
        }
        float xc = Math.max(x, NEG_CUT);
        float t = Math.abs(xc);
        float h = xc * xc;
        float c = Math.fma(Math.fma(xc, xc, -h), HALF_NEG_K, K);
        float e = FloatExp.exp(-0.5f * h);
        float v = ((ratio(t) - t) * c) * e;
        return xc <= 0f ? v : 1f - v;
    }

    /**
     * g · (Φ(z) + z·φ(z)), {@linkplain #flush flushed} to ±0 where subnormal; the canonical
     * {@link Float#NaN} wherever that is NaN (z or g NaN, or g infinite where the derivative is 0). A NaN's bits are not left to the arithmetic: C2 folds g·1 (z past the
     * positive cut) to g, keeping a signalling NaN in g signalling where a multiply would quiet it.
     */
    static float backward(float z, float g) {
        float r = g * derivative(z);
        return r != r ? Float.NaN : flush(r);
    }
}
