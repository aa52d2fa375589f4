package io.widrow.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked micro-kernels over a packed B panel two vectors wide. The 6×2 tile keeps twelve
 * independent accumulators live across the k loop: enough FMA chains to cover the FMA latency on two
 * ports, while leaving registers for the two B vectors and the broadcast A value.
 */
final class VectorTiles {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Panel width in floats. */
    static final int W = 2 * L;
    static final int MR = 6;

    private VectorTiles() {
    }

    /** C[6 rows × nw] (+)= A[6 rows, kc] · panel; A(r, p) = a[ai + r*rs + p*cs]. */
    static void tile6(float[] a, int ai, int rs, int cs, float[] bp, int kc,
                      float[] c, int ci, int ldc, int nw, boolean add, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int r2 = 2 * rs, r3 = 3 * rs, r4 = 4 * rs, r5 = 5 * rs;
        for (int p = 0, ap = ai, bi = 0; p < kc; p++, ap += cs, bi += W) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + rs]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + r2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + r3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + r4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + r5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        store(c00, c01, c, ci, nw, add, tmp);
        store(c10, c11, c, ci + ldc, nw, add, tmp);
        store(c20, c21, c, ci + 2 * ldc, nw, add, tmp);
        store(c30, c31, c, ci + 3 * ldc, nw, add, tmp);
        store(c40, c41, c, ci + 4 * ldc, nw, add, tmp);
        store(c50, c51, c, ci + 5 * ldc, nw, add, tmp);
    }

    /** One row of C over the panel; k is unrolled twice so four chains hide the FMA latency. */
    static void tile1(float[] a, int ai, int cs, float[] bp, int kc,
                      float[] c, int ci, int nw, boolean add, float[] tmp) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, d0 = c0, d1 = c0;
        int p = 0;
        int ap = ai;
        int bi = 0;
        for (; p + 1 < kc; p += 2, ap += 2 * cs, bi += 2 * W) {
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c0 = x.fma(FloatVector.fromArray(S, bp, bi), c0);
            c1 = x.fma(FloatVector.fromArray(S, bp, bi + L), c1);
            FloatVector y = FloatVector.broadcast(S, a[ap + cs]);
            d0 = y.fma(FloatVector.fromArray(S, bp, bi + W), d0);
            d1 = y.fma(FloatVector.fromArray(S, bp, bi + W + L), d1);
        }
        if (p < kc) {
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c0 = x.fma(FloatVector.fromArray(S, bp, bi), c0);
            c1 = x.fma(FloatVector.fromArray(S, bp, bi + L), c1);
        }
        store(c0.add(d0), c1.add(d1), c, ci, nw, add, tmp);
    }

    /** Masked stores are slow on JDK 17, so a ragged edge goes through {@code tmp} and a scalar copy. */
    private static void store(FloatVector v0, FloatVector v1, float[] c, int ci, int nw, boolean add, float[] tmp) {
        if (nw == W) {
            if (add) {
                v0 = v0.add(FloatVector.fromArray(S, c, ci));
                v1 = v1.add(FloatVector.fromArray(S, c, ci + L));
            }
            v0.intoArray(c, ci);
            v1.intoArray(c, ci + L);
            return;
        }
        v0.intoArray(tmp, 0);
        v1.intoArray(tmp, L);
        for (int j = 0; j < nw; j++) {
            c[ci + j] = add ? c[ci + j] + tmp[j] : tmp[j];
        }
    }
}
