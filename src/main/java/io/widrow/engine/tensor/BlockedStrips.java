package io.widrow.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packed A for row-major op(A) (A·B and A·Bᵀ) as strips of six rows whose k runs are cut into blocks of one
 * vector: element (r, p) of a strip sits at {@code (p / L) * (MR * L) + r * L + p % L}, and a strip of a
 * kc-long block takes {@code MR * padded(kc)} floats. Packing is then one vector load and one store per row and
 * block. Interleaving the six rows float by float (as {@link Packing#packTransposedA} still does for Aᵀ's last
 * rows) took 19.7 µs for the first layer's 128 × 392 share on a Zen 5 core, 13% of that product, and JFR put 7%
 * of a training step's samples in it.
 *
 * <p>The tiles here are {@link VectorTiles}' main tiles with that addressing: per k step one base index and
 * the constants {@code r * L}, so C2 still needs one bounds check for the six A values, and the FMAs run in the
 * same order (the same bits). They repeat those tiles' bodies on purpose: vectors cannot cross a method
 * boundary without being boxed, so neither the loop nor the stores can be shared, and a layout parameter would
 * turn the constant offsets into variables (the slow six-offset tile of old).
 */
final class BlockedStrips {
    private static final VectorSpecies<Float> S = VectorTiles.S;
    private static final int L = VectorTiles.L;
    private static final int MR = VectorTiles.MR;
    private static final int SHIFT = Integer.numberOfTrailingZeros(L);
    private static final int BLOCK = MR * L;

    private BlockedStrips() {
    }

    /** kc rounded up to whole vectors: the k extent of one strip. */
    static int padded(int kc) {
        return (kc + L - 1) >>> SHIFT << SHIFT;
    }

    /**
     * Packs rows [i0, i1) × k [pc, pc + kc) of row-major A (m × k) into {@code dst}, strip t at
     * {@code t * MR * padded(kc)}. Rows past i1 in the last strip and k past kc in the last block are zeroed,
     * so a tile never multiplies stale (possibly subnormal) floats.
     */
    static void pack(float[] a, int k, int i0, int i1, int pc, int kc, float[] dst) {
        int stride = MR * padded(kc);
        int whole = kc >>> SHIFT << SHIFT;
        FloatVector zero = FloatVector.zero(S);
        for (int i = i0, t = 0; i < i1; i += MR, t += stride) {
            int rows = Math.min(MR, i1 - i);
            for (int r = 0; r < MR; r++) {
                int d = t + r * L;
                if (r >= rows) {
                    for (int p = 0; p < kc; p += L, d += BLOCK) {
                        zero.intoArray(dst, d);
                    }
                    continue;
                }
                int s = (i + r) * k + pc;
                int p = 0;
                for (; p < whole; p += L, d += BLOCK) {
                    FloatVector.fromArray(S, a, s + p).intoArray(dst, d);
                }
                if (p < kc) {
                    for (int j = 0; j < L; j++) {
                        dst[d + j] = p + j < kc ? a[s + p + j] : 0f;
                    }
                }
            }
        }
    }

    /** The main tile for this ISA over a strip packed by {@link #pack}; arguments as {@link VectorTiles#tile}. */
    static void tile(float[] as, int ao, float[] bp, int kc, float[] c, int ci, int ldc, int rows, int nw,
                     boolean add, float[] tmp) {
        if (VectorTiles.NV == 4) {
            tile6x4(as, ao, bp, kc, c, ci, ldc, rows, nw, add, tmp);
        } else {
            tile6x2(as, ao, bp, kc, c, ci, ldc, rows, nw, add, tmp);
        }
    }

    /** {@link VectorTiles#tile6x4} reading a blocked strip; see there for why it is written out like this. */
    static void tile6x4(float[] as, int ao, float[] bp, int kc, float[] c, int ci, int ldc, int rows, int nw,
                        boolean add, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00, c40 = c00, c41 = c00, c42 = c00, c43 = c00, c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (long q = 0; q < kc; q++) {
            int p = (int) q;
            int ap = ao + (p >>> SHIFT) * BLOCK + (p & (L - 1));
            int bi = p * (4 * L);
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, as[ap]);
            c00 = b0.fma(x0, c00); c01 = b1.fma(x0, c01); c02 = b2.fma(x0, c02); c03 = b3.fma(x0, c03);
            FloatVector x1 = FloatVector.broadcast(S, as[ap + L]);
            c10 = b0.fma(x1, c10); c11 = b1.fma(x1, c11); c12 = b2.fma(x1, c12); c13 = b3.fma(x1, c13);
            FloatVector x2 = FloatVector.broadcast(S, as[ap + 2 * L]);
            c20 = b0.fma(x2, c20); c21 = b1.fma(x2, c21); c22 = b2.fma(x2, c22); c23 = b3.fma(x2, c23);
            FloatVector x3 = FloatVector.broadcast(S, as[ap + 3 * L]);
            c30 = b0.fma(x3, c30); c31 = b1.fma(x3, c31); c32 = b2.fma(x3, c32); c33 = b3.fma(x3, c33);
            FloatVector x4 = FloatVector.broadcast(S, as[ap + 4 * L]);
            c40 = b0.fma(x4, c40); c41 = b1.fma(x4, c41); c42 = b2.fma(x4, c42); c43 = b3.fma(x4, c43);
            FloatVector x5 = FloatVector.broadcast(S, as[ap + 5 * L]);
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
        c00.intoArray(tmp, 0); c01.intoArray(tmp, 1 * L); c02.intoArray(tmp, 2 * L); c03.intoArray(tmp, 3 * L);
        c10.intoArray(tmp, 4 * L); c11.intoArray(tmp, 5 * L); c12.intoArray(tmp, 6 * L); c13.intoArray(tmp, 7 * L);
        c20.intoArray(tmp, 8 * L); c21.intoArray(tmp, 9 * L); c22.intoArray(tmp, 10 * L); c23.intoArray(tmp, 11 * L);
        c30.intoArray(tmp, 12 * L); c31.intoArray(tmp, 13 * L); c32.intoArray(tmp, 14 * L); c33.intoArray(tmp, 15 * L);
        c40.intoArray(tmp, 16 * L); c41.intoArray(tmp, 17 * L); c42.intoArray(tmp, 18 * L); c43.intoArray(tmp, 19 * L);
        c50.intoArray(tmp, 20 * L); c51.intoArray(tmp, 21 * L); c52.intoArray(tmp, 22 * L); c53.intoArray(tmp, 23 * L);
        VectorTiles.flush(tmp, 4 * L, c, ci, ldc, rows, nw, add);
    }

    /** {@link VectorTiles#tile6x2} reading a blocked strip. */
    static void tile6x2(float[] as, int ao, float[] bp, int kc, float[] c, int ci, int ldc, int rows, int nw,
                        boolean add, float[] tmp) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (long q = 0; q < kc; q++) {
            int p = (int) q;
            int ap = ao + (p >>> SHIFT) * BLOCK + (p & (L - 1));
            int bi = p * (2 * L);
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x0 = FloatVector.broadcast(S, as[ap]);
            c00 = b0.fma(x0, c00); c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, as[ap + L]);
            c10 = b0.fma(x1, c10); c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, as[ap + 2 * L]);
            c20 = b0.fma(x2, c20); c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, as[ap + 3 * L]);
            c30 = b0.fma(x3, c30); c31 = b1.fma(x3, c31);
            FloatVector x4 = FloatVector.broadcast(S, as[ap + 4 * L]);
            c40 = b0.fma(x4, c40); c41 = b1.fma(x4, c41);
            FloatVector x5 = FloatVector.broadcast(S, as[ap + 5 * L]);
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
        c00.intoArray(tmp, 0); c01.intoArray(tmp, L);
        c10.intoArray(tmp, 2 * L); c11.intoArray(tmp, 3 * L);
        c20.intoArray(tmp, 4 * L); c21.intoArray(tmp, 5 * L);
        c30.intoArray(tmp, 6 * L); c31.intoArray(tmp, 7 * L);
        c40.intoArray(tmp, 8 * L); c41.intoArray(tmp, 9 * L);
        c50.intoArray(tmp, 10 * L); c51.intoArray(tmp, 11 * L);
        VectorTiles.flush(tmp, 2 * L, c, ci, ldc, rows, nw, add);
    }
}
