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

    /**
     * C[rows × nw] (+)= A · Bpanel over kc, where A(r, p) = a[ao + r*rs + p] (rows of A in place, or
     * a packed copy of Aᵀ's) and Bpanel(p, j) = bp[p*W + j]. Every index is the loop variable plus an
     * invariant, so C2 removes the bounds checks. Rows past {@code rows} repeat the last real row and
     * are not stored.
     */
    static void tile6(float[] a, int ao, int rs, float[] bp, int kc, float[] c, int ci, int ldc, int rows, int nw,
                      boolean add, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int last = rows - 1;
        int a0 = ao;
        int a1 = ao + Math.min(1, last) * rs;
        int a2 = ao + Math.min(2, last) * rs;
        int a3 = ao + Math.min(3, last) * rs;
        int a4 = ao + Math.min(4, last) * rs;
        int a5 = ao + Math.min(5, last) * rs;
        // b.fma(x, acc), not x.fma(b, acc): measured 2x faster on JDK 17 C2, which selects different
        // instructions for the two operand orders.
        for (int p = 0; p < kc; p++) {
            int bi = p * W;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
        }
        // Spilling through tmp costs 24 stores per kc×192 FMAs, and keeps vector values out of method
        // signatures: a helper taking FloatVector that C2 declines to inline boxes every argument.
        c00.intoArray(tmp, 0);
        c01.intoArray(tmp, L);
        c10.intoArray(tmp, 2 * L);
        c11.intoArray(tmp, 3 * L);
        c20.intoArray(tmp, 4 * L);
        c21.intoArray(tmp, 5 * L);
        c30.intoArray(tmp, 6 * L);
        c31.intoArray(tmp, 7 * L);
        c40.intoArray(tmp, 8 * L);
        c41.intoArray(tmp, 9 * L);
        c50.intoArray(tmp, 10 * L);
        c51.intoArray(tmp, 11 * L);
        flush(tmp, c, ci, ldc, rows, nw, add);
    }

    /** Writes (or adds) the spilled tile's first {@code rows × nw} values into C. */
    private static void flush(float[] tmp, float[] c, int ci, int ldc, int rows, int nw, boolean add) {
        for (int r = 0; r < rows; r++) {
            int t = r * W;
            int o = ci + r * ldc;
            if (nw == W) {
                FloatVector v0 = FloatVector.fromArray(S, tmp, t);
                FloatVector v1 = FloatVector.fromArray(S, tmp, t + L);
                if (add) {
                    v0 = v0.add(FloatVector.fromArray(S, c, o));
                    v1 = v1.add(FloatVector.fromArray(S, c, o + L));
                }
                v0.intoArray(c, o);
                v1.intoArray(c, o + L);
            } else {
                // Masked stores are slow on JDK 17; ragged edges are rare.
                for (int j = 0; j < nw; j++) {
                    c[o + j] = add ? c[o + j] + tmp[t + j] : tmp[t + j];
                }
            }
        }
    }
}
