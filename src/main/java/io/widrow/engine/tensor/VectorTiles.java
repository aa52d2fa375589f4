package io.widrow.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked micro-kernels over a packed B panel. With AVX-512 the main tile is 6 rows × 4 vectors: 24
 * accumulators (of the 32 vector registers) give each FMA port enough independent chains, and every
 * broadcast A value feeds four FMAs, so loads stay well under the FMA rate. With 16 registers (AVX2) it
 * is 6 rows × 2 vectors, 12 accumulators, the shape BLAS kernels for those cores use. A narrow tail (at most one
 * vector of columns, e.g. a 10-class output) has its own 6 × 1 tile instead of a mostly empty panel.
 *
 * <p>Element (r, p) of the main tile's A is {@code as[ao + p*ps + r]}: a strip {@link Packing#packTransposedA}
 * wrote (ps = MR), or columns of a stored Aᵀ read in place (ps = m). Its six values per k step are then one base
 * index plus constants, which C2 covers with one bounds check: read through six row offsets, as this
 * kernel once did, each had its own check and most offsets lived on the stack (the tile ran at 70% of
 * one core's FMA peak with B in L1, against 83–86% now). Rows past {@code rows} are computed and not
 * stored. B panel element (p, j) is {@code bp[p*width + j]}.
 *
 * <p>The main loop counts with a {@code long} on purpose: C2 then leaves it alone, where it unrolled
 * the int-counted loop (its superword analysis asks for more) and the unrolled body no longer fit the
 * 24 accumulators in registers. Measured on one core: 105–112 GFLOP/s with unrolling disabled against
 * 60–77 with it, at kc = 128; the bounds checks the long counter keeps cost less than that.
 *
 * <p>Operand order matters on JDK 17: {@code b.fma(x, acc)} compiled to about twice the speed of
 * {@code x.fma(b, acc)}. Vectors never cross a method boundary: a helper C2 declines to inline would
 * box them, so the stores are written out here.
 */
final class VectorTiles {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /**
     * Vectors per tile row: 4 where the ISA has 32 vector registers (AVX-512: 24 accumulators, 4 B
     * vectors, a broadcast), 2 where it has 16 (AVX2, SSE: 12 + 2 + 1). On a Zen 3 host (AVX2) the
     * four-wide tile needed 29 of 16 registers, spilled on every FMA and trained at 1.5 s per epoch.
     */
    static final int NV = L >= 16 ? 4 : 2;
    /** Main panel width in floats. */
    static final int W = NV * L;
    static final int MR = 6;

    private VectorTiles() {
    }

    /** The main tile for this ISA ({@link #NV} vectors wide): {@link #tile6x4} or {@link #tile6x2}. */
    static void tile(float[] as, int ao, int ps, float[] bp, int kc, float[] c, int ci, int ldc, int rows,
                     int nw, boolean add, float[] tmp) {
        if (NV == 4) {
            tile6x4(as, ao, ps, bp, kc, c, ci, ldc, rows, nw, add, tmp);
        } else {
            tile6x2(as, ao, ps, bp, kc, c, ci, ldc, rows, nw, add, tmp);
        }
    }

    /**
     * C[rows × nw] (+)= A · Bpanel over kc, for a panel four vectors wide. Full tiles that overwrite C are stored straight
     * from the accumulators; ragged ones and sums onto C go through {@code tmp} (MR × 4 vectors of floats).
     */
    static void tile6x4(float[] as, int ao, int ps, float[] bp, int kc, float[] c, int ci, int ldc, int rows,
                        int nw, boolean add, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00, c40 = c00, c41 = c00, c42 = c00, c43 = c00, c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (long q = 0; q < kc; q++) {
            int p = (int) q;
            int ap = ao + p * ps;
            int bi = p * (4 * L);
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, as[ap]);
            c00 = b0.fma(x0, c00); c01 = b1.fma(x0, c01); c02 = b2.fma(x0, c02); c03 = b3.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, as[ap + 1]);
            c10 = b0.fma(x1, c10); c11 = b1.fma(x1, c11); c12 = b2.fma(x1, c12); c13 = b3.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, as[ap + 2]);
            c20 = b0.fma(x2, c20); c21 = b1.fma(x2, c21); c22 = b2.fma(x2, c22); c23 = b3.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, as[ap + 3]);
            c30 = b0.fma(x3, c30); c31 = b1.fma(x3, c31); c32 = b2.fma(x3, c32); c33 = b3.fma(x3, c33);
            FloatVector x4 = FloatVector.broadcast(S, as[ap + 4]);
            c40 = b0.fma(x4, c40); c41 = b1.fma(x4, c41); c42 = b2.fma(x4, c42); c43 = b3.fma(x4, c43);
            FloatVector x5 = FloatVector.broadcast(S, as[ap + 5]);
            c50 = b0.fma(x5, c50); c51 = b1.fma(x5, c51); c52 = b2.fma(x5, c52); c53 = b3.fma(x5, c53);
        }
        if (rows == MR && nw == 4 * L && !add) {
            int o0 = ci;
            int o1 = o0 + ldc;
            int o2 = o1 + ldc;
            int o3 = o2 + ldc;
            int o4 = o3 + ldc;
            int o5 = o4 + ldc;
            c00.intoArray(c, o0); c01.intoArray(c, o0 + L); c02.intoArray(c, o0 + 2 * L); c03.intoArray(c, o0 + 3 * L);
            c10.intoArray(c, o1); c11.intoArray(c, o1 + L); c12.intoArray(c, o1 + 2 * L); c13.intoArray(c, o1 + 3 * L);
            c20.intoArray(c, o2); c21.intoArray(c, o2 + L); c22.intoArray(c, o2 + 2 * L); c23.intoArray(c, o2 + 3 * L);
            c30.intoArray(c, o3); c31.intoArray(c, o3 + L); c32.intoArray(c, o3 + 2 * L); c33.intoArray(c, o3 + 3 * L);
            c40.intoArray(c, o4); c41.intoArray(c, o4 + L); c42.intoArray(c, o4 + 2 * L); c43.intoArray(c, o4 + 3 * L);
            c50.intoArray(c, o5); c51.intoArray(c, o5 + L); c52.intoArray(c, o5 + 2 * L); c53.intoArray(c, o5 + 3 * L);
            return;
        }
        // Adding onto C goes through tmp, so every accumulator is stored straight from the loop. Adding
        // in registers (c00 = c00.add(load), then one store) merged two versions of each vector, and C2
        // then failed the store intrinsic whenever the add branch had run before the compile: every
        // tile boxed its 24 vectors and training ran 20x slower. The larger method also made C1 give up
        // ("out of virtual registers"), leaving it interpreted for tens of seconds.
        c00.intoArray(tmp, 0); c01.intoArray(tmp, 1 * L); c02.intoArray(tmp, 2 * L); c03.intoArray(tmp, 3 * L);
        c10.intoArray(tmp, 4 * L); c11.intoArray(tmp, 5 * L); c12.intoArray(tmp, 6 * L); c13.intoArray(tmp, 7 * L);
        c20.intoArray(tmp, 8 * L); c21.intoArray(tmp, 9 * L); c22.intoArray(tmp, 10 * L); c23.intoArray(tmp, 11 * L);
        c30.intoArray(tmp, 12 * L); c31.intoArray(tmp, 13 * L); c32.intoArray(tmp, 14 * L); c33.intoArray(tmp, 15 * L);
        c40.intoArray(tmp, 16 * L); c41.intoArray(tmp, 17 * L); c42.intoArray(tmp, 18 * L); c43.intoArray(tmp, 19 * L);
        c50.intoArray(tmp, 20 * L); c51.intoArray(tmp, 21 * L); c52.intoArray(tmp, 22 * L); c53.intoArray(tmp, 23 * L);
        flush(tmp, 4 * L, c, ci, ldc, rows, nw, add);
    }

    /** As {@link #tile6x4} for a panel two vectors wide: the tile of a 16-register ISA. */
    static void tile6x2(float[] as, int ao, int ps, float[] bp, int kc, float[] c, int ci, int ldc, int rows,
                        int nw, boolean add, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (long q = 0; q < kc; q++) {
            int p = (int) q;
            int ap = ao + p * ps;
            int bi = p * (2 * L);
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x0 = FloatVector.broadcast(S, as[ap]);
            c00 = b0.fma(x0, c00); c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, as[ap + 1]);
            c10 = b0.fma(x1, c10); c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, as[ap + 2]);
            c20 = b0.fma(x2, c20); c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, as[ap + 3]);
            c30 = b0.fma(x3, c30); c31 = b1.fma(x3, c31);
            FloatVector x4 = FloatVector.broadcast(S, as[ap + 4]);
            c40 = b0.fma(x4, c40); c41 = b1.fma(x4, c41);
            FloatVector x5 = FloatVector.broadcast(S, as[ap + 5]);
            c50 = b0.fma(x5, c50); c51 = b1.fma(x5, c51);
        }
        if (rows == MR && nw == 2 * L && !add) {
            int o0 = ci;
            int o1 = o0 + ldc;
            int o2 = o1 + ldc;
            int o3 = o2 + ldc;
            int o4 = o3 + ldc;
            int o5 = o4 + ldc;
            c00.intoArray(c, o0); c01.intoArray(c, o0 + L);
            c10.intoArray(c, o1); c11.intoArray(c, o1 + L);
            c20.intoArray(c, o2); c21.intoArray(c, o2 + L);
            c30.intoArray(c, o3); c31.intoArray(c, o3 + L);
            c40.intoArray(c, o4); c41.intoArray(c, o4 + L);
            c50.intoArray(c, o5); c51.intoArray(c, o5 + L);
            return;
        }
        // Through tmp for the reason tile6x4 gives.
        c00.intoArray(tmp, 0); c01.intoArray(tmp, L);
        c10.intoArray(tmp, 2 * L); c11.intoArray(tmp, 3 * L);
        c20.intoArray(tmp, 4 * L); c21.intoArray(tmp, 5 * L);
        c30.intoArray(tmp, 6 * L); c31.intoArray(tmp, 7 * L);
        c40.intoArray(tmp, 8 * L); c41.intoArray(tmp, 9 * L);
        c50.intoArray(tmp, 10 * L); c51.intoArray(tmp, 11 * L);
        flush(tmp, 2 * L, c, ci, ldc, rows, nw, add);
    }

    /**
     * As {@link #tile6x4} for a panel one vector wide ({@code nw ≤ L}), with A read in place: element
     * (r, p) is {@code a[ao + r*rs + p*ps]}, i.e. rows of A (rs = k, ps = 1) or of Aᵀ (rs = 1, ps = m); rows
     * past {@code rows} repeat the last real row and are not stored. A narrow product does too little
     * work per A value to pay for packing it. {@code tmp} holds MR × L floats.
     */
    static void tile6x1(float[] a, int ao, int rs, int ps, float[] bp, int kc, float[] c, int ci, int ldc, int rows,
                        int nw, boolean add, float[] tmp) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        int last = rows - 1;
        int a0 = ao;
        int a1 = ao + Math.min(1, last) * rs;
        int a2 = ao + Math.min(2, last) * rs;
        int a3 = ao + Math.min(3, last) * rs;
        int a4 = ao + Math.min(4, last) * rs;
        int a5 = ao + Math.min(5, last) * rs;
        for (int p = 0, ap = 0; p < kc; p++, ap += ps) {
            FloatVector b0 = FloatVector.fromArray(S, bp, p * L);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + ap]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + ap]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + ap]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + ap]), c3);
            c4 = b0.fma(FloatVector.broadcast(S, a[a4 + ap]), c4);
            c5 = b0.fma(FloatVector.broadcast(S, a[a5 + ap]), c5);
        }
        c0.intoArray(tmp, 0);
        c1.intoArray(tmp, L);
        c2.intoArray(tmp, 2 * L);
        c3.intoArray(tmp, 3 * L);
        c4.intoArray(tmp, 4 * L);
        c5.intoArray(tmp, 5 * L);
        flush(tmp, L, c, ci, ldc, rows, nw, add);
    }

    /** Writes (or adds) the first {@code rows × nw} values of a tile spilled with row stride {@code width}. */
    static void flush(float[] tmp, int width, float[] c, int ci, int ldc, int rows, int nw, boolean add) {
        for (int r = 0; r < rows; r++) {
            int t = r * width;
            int o = ci + r * ldc;
            if (add) {
                for (int j = 0; j < nw; j++) {
                    c[o + j] += tmp[t + j];
                }
            } else {
                System.arraycopy(tmp, t, c, o, nw);
            }
        }
    }
}
