package io.widrow.engine.tensor;

/**
 * e^x in float by range reduction and a degree-5 polynomial (Cephes expf; within 2 ulps of the true
 * value), written with operations that give the same bits everywhere: IEEE float add and multiply, exact
 * fused multiply-adds, and integer bit operations on the float's representation (no float-to-int
 * conversion, which the Vector API does not compile to an intrinsic on JDK 17). The vector kernel runs the same steps
 * lane by lane, so both paths, and the Vector API's interpreted fallback and its compiled form, agree bit
 * for bit. (The Vector API's own EXP calls Intel SVML once C2 compiles it and Math.exp before: a result
 * that depended on JIT timing, which a seeded run must not.)
 */
final class FloatExp {
    /** Above this, e^x overflows float. */
    static final float HI = 88.72283f;
    /** At or below this, e^x is 0 in float (below half the smallest subnormal). */
    static final float LO = -104f;
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5 · 2^23: adding it rounds any |v| < 2^22 to an integer held in the low mantissa bits. */
    static final float ROUNDER = 12_582_912f;
    static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** ln 2 split so that n · C1 is exact for the n that occur. */
    static final float C1 = 0.693359375f;
    static final float C2 = -2.12194440e-4f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;

    private FloatExp() {
    }

    static float exp(float x) {
        if (x != x) {
            return x;
        }
        if (x > HI) {
            return Float.POSITIVE_INFINITY;
        }
        if (x <= LO) {
            return 0f;
        }
        // n = round(x·log2 e): adding 1.5·2^23 rounds to an integer and leaves it in the low mantissa bits,
        // with float arithmetic only, so the vector kernel needs no float-to-int conversion.
        float t = x * LOG2E + ROUNDER;
        float nf = t - ROUNDER;
        int n = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        float r = Math.fma(-nf, C2, Math.fma(-nf, C1, x));
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(P0, r, P1), r, P2), r, P3), r, P4), r, P5);
        float y = Math.fma(p, r * r, r) + 1f;
        // 2^n in two factors, each a normal float, so results down to the subnormals come out right.
        int n1 = n >> 1;
        return y * Float.intBitsToFloat((n1 + 127) << 23) * Float.intBitsToFloat((n - n1 + 127) << 23);
    }

    /**
     * The logistic 1 / (1 + e^−z) from {@link #exp}, within 2.5 ulps where the result is a normal float.
     * Below z = −88.72 e^−z overflows and the result is 0, not the subnormal it would be (less than
     * 2.9e-39 off). No branch on the sign is needed: a large e^−z only makes the quotient small.
     */
    static float sigmoid(float z) {
        if (z != z) {
            return z;
        }
        return 1f / (1f + exp(-z));
    }
}
