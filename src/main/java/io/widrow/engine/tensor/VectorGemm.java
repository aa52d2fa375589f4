package io.widrow.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code jdk.incubator.vector} path. Loaded only by reflection after the module was found, so a
 * JVM without the module never links this class or its helpers.
 *
 * <p>Loop order: k is cut into equal blocks of at most {@link #KC} ({@link #KC_NN} for A·B); per block,
 * each panel of op(B) (block × four vectors) is packed once and swept by every 6-row tile of A: from L1
 * for 128-long blocks, from L2 for A·B's longer ones. A is never copied: a tile of A walks six rows, and
 * a tile of Aᵀ reads six adjacent floats of each stored row, one row per k step. Packing Aᵀ into strips
 * first, as this kernel once did, cost 7% of a whole training step (same-JVM A/B over real steps, 38 of
 * 40 rounds faster without it): the strided rows of a 128-long block are only 128 cache lines, which
 * the next two tiles reuse from L1, so the copy bought nothing.
 */
final class VectorGemm implements GemmKernel {
    /** 128 × 64 floats = 32 KiB: the panel and six A rows share a 48 KiB L1D without evicting each other. */
    static final int KC = 128;
    /**
     * A·B reads A in place and only B is packed, so a longer block costs only L2 traffic for the panel
     * (512 × 64 floats = 128 KB), and the first layer's k shares (392 of 784 each) then need no second
     * pass that adds onto C: measured 266–271 µs against 315–324 µs per 128×784×256 product on two threads.
     */
    static final int KC_NN = 512;
    private static final int MR = VectorTiles.MR;
    private static final int W = VectorTiles.W;
    private static final int L = VectorTiles.L;
    private static final VectorSpecies<Float> S = VectorTiles.S;

    @Override
    public void compute(int form, float[] a, float[] b, float[] c, int m, int k, int n,
                        int i0, int i1, int j0, int j1, int p0, int p1, Workspace ws) {
        if (i1 - i0 < MR || (form == NT && j1 - j0 <= L)) {
            // Too few rows to amortise packing, or a narrow A·Bᵀ that dot products do directly.
            if (form == NT) {
                VectorSmall.dotNT(a, b, c, k, n, i0, i1, j0, j1, p0, p1);
            } else {
                VectorSmall.rowsDirect(a, form == TN ? 1 : k, form == TN ? m : 1, b, c, n, i0, i1, j0, j1, p0, p1);
            }
            return;
        }
        int kcMax = form == NN ? KC_NN : KC;
        float[] bp = ws.panel(kcMax * W);
        float[] tmp = ws.tile(MR * W);
        // Equal k blocks: 784 as 7 × 112 rather than 6 × 128 + 16, whose short last block paid a full
        // sweep of tile set-up and C read-back for an eighth of the work.
        int blocks = (p1 - p0 + kcMax - 1) / kcMax;
        int kb = (p1 - p0 + blocks - 1) / blocks;
        for (int pc = p0; pc < p1; pc += kb) {
            int kc = Math.min(kb, p1 - pc);
            boolean add = pc > p0;
            for (int jc = j0; jc < j1; jc += W) {
                int nw = Math.min(W, j1 - jc);
                // A tail of at most one vector gets the one-vector tile rather than a mostly empty panel.
                int width = nw <= L ? L : W;
                if (form == NT) {
                    Packing.packB(form, b, k, n, pc, kc, jc, nw, bp, width);
                } else if (nw == W) {
                    copyRows(b, n, pc, kc, jc, bp);
                } else {
                    Packing.packB(NN, b, k, n, pc, kc, jc, nw, bp, width);
                }
                for (int i = i0; i < i1; i += MR) {
                    // Aᵀ(i, p) is stored at a[p * m + i]; A(i, p) at a[i * k + p].
                    int ao = form == TN ? pc * m + i : i * k + pc;
                    int rs = form == TN ? 1 : k;
                    int ps = form == TN ? m : 1;
                    int rows = Math.min(MR, i1 - i);
                    if (width == W) {
                        VectorTiles.tile6x4(a, ao, rs, ps, bp, kc, c, i * n + jc, n, rows, nw, add, tmp);
                    } else {
                        VectorTiles.tile6x1(a, ao, rs, ps, bp, kc, c, i * n + jc, n, rows, nw, add, tmp);
                    }
                }
            }
        }
    }

    /** Packs a full panel of row-major B with vector copies: arraycopy's per-call cost dominated short rows. */
    private static void copyRows(float[] b, int n, int pc, int kc, int jc, float[] bp) {
        for (int p = 0; p < kc; p++) {
            int src = (pc + p) * n + jc;
            int dst = p * W;
            for (int v = 0; v < W; v += L) {
                FloatVector.fromArray(S, b, src + v).intoArray(bp, dst + v);
            }
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
