package io.widrow.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code jdk.incubator.vector} path. Loaded only by reflection after the module was found, so a
 * JVM without the module never links this class or its helpers.
 *
 * <p>Loop order: k is cut into blocks of {@link #KC}; per block, each panel of op(B) (KC × two vectors)
 * is packed so it stays in L1 while every 6-row tile of A sweeps it. A is read in place (six rows
 * walked sequentially); only Aᵀ is first copied into rows.
 */
final class VectorGemm implements GemmKernel {
    /** 128 × 32 floats = 16 KiB: the panel, six A rows and the C tile share a 48 KiB L1D without evicting each other. */
    static final int KC = 128;
    private static final int MR = VectorTiles.MR;
    private static final int W = VectorTiles.W;
    private static final int L = VectorTiles.L;
    private static final VectorSpecies<Float> S = VectorTiles.S;

    @Override
    public void compute(int form, float[] a, float[] b, float[] c, int m, int k, int n,
                        int i0, int i1, int j0, int j1, Workspace ws) {
        if (form == NT && j1 - j0 <= L) {
            // A narrow output (the 10-class layer) would waste most of a two-vector panel.
            VectorSmall.dotNT(a, b, c, k, n, i0, i1, j0, j1);
            return;
        }
        if (i1 - i0 < MR) {
            // Too few rows to amortise packing.
            if (form == NT) {
                VectorSmall.dotNT(a, b, c, k, n, i0, i1, j0, j1);
            } else {
                VectorSmall.rowsDirect(a, form == TN ? 1 : k, form == TN ? m : 1, b, c, k, n, i0, i1, j0, j1);
            }
            return;
        }
        float[] ap = form == TN ? ws.aPanel((i1 - i0) * Math.min(KC, k)) : a;
        float[] bp = ws.panel(KC * W);
        float[] tmp = ws.tile(MR * W);
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = pc > 0;
            if (form == TN) {
                Packing.packTransposedA(a, m, i0, i1, pc, kc, ap);
            }
            for (int jc = j0; jc < j1; jc += W) {
                int nw = Math.min(W, j1 - jc);
                if (form == NT) {
                    Packing.packB(form, b, k, n, pc, kc, jc, nw, bp, W);
                } else {
                    copyRows(b, n, pc, kc, jc, nw, bp);
                }
                for (int i = i0; i < i1; i += MR) {
                    int ao = form == TN ? (i - i0) * kc : i * k + pc;
                    int rs = form == TN ? kc : k;
                    VectorTiles.tile6(ap, ao, rs, bp, kc, c, i * n + jc, n, Math.min(MR, i1 - i), nw, add, tmp);
                }
            }
        }
    }

    /** Packs a panel of row-major B with vector copies: arraycopy's per-call cost dominated 32-float rows. */
    private static void copyRows(float[] b, int n, int pc, int kc, int jc, int nw, float[] bp) {
        if (nw < W) {
            Packing.packB(NN, b, 0, n, pc, kc, jc, nw, bp, W);
            return;
        }
        for (int p = 0; p < kc; p++) {
            int src = (pc + p) * n + jc;
            FloatVector.fromArray(S, b, src).intoArray(bp, p * W);
            FloatVector.fromArray(S, b, src + L).intoArray(bp, p * W + L);
        }
    }

    @Override
    public int panelWidth() {
        return W;
    }

    @Override
    public String label() {
        String isa = VectorTiles.L >= 16 ? "avx512" : VectorTiles.L >= 8 ? "avx2" : "simd";
        return "vector-" + isa + " (" + VectorTiles.L + " lanes)";
    }
}
