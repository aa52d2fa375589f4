package io.widrow.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code jdk.incubator.vector} path. Loaded only by reflection after the module was found, so a
 * JVM without the module never links this class or its helpers.
 *
 * <p>Loop order: k is cut into equal blocks of at most {@link #KC} ({@link #KC_NN} for A·B); per block,
 * the rows of op(A) are packed into strips of six rows, k in blocks of one vector ({@link BlockedStrips}), and
 * each panel of op(B) (block × four vectors) is packed once and swept by every strip: from L1 for
 * 128-long blocks, from L2 for A·B's longer ones. Aᵀ is not packed: its stored rows already hold six
 * adjacent A rows side by side, so a tile reads them in place (packing them cost 7% of a training step
 * once, for nothing). What the strips buy is the tile's addressing: six A values at one base index
 * plus constants, one bounds check, where six row offsets each had their own and spilled; with B in L1
 * the tile went from 140 to 165–172 GFLOP/s on one Xeon core, and on a Zen 5 host three alternating
 * training runs of each took 0.326–0.347 s per epoch against 0.350–0.419 s.
 */
final class VectorGemm implements GemmKernel {
    /** 128 × 64 floats = 32 KiB: the panel and six A rows share a 48 KiB L1D without evicting each other. */
    static final int KC = 128;
    /**
     * A·B's longer block costs only L2 traffic for the panel (512 × 64 floats = 128 KB; 128 was slower
     * with packed A too), and the first layer's k shares (392 of 784 each) then need no second pass that
     * adds onto C: measured 266–271 µs against 315–324 µs per 128×784×256 product on two threads.
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
        float[] strips = ws.strips();
        // Equal k blocks: 784 as 7 × 112 rather than 6 × 128 + 16, whose short last block paid a full
        // sweep of tile set-up and C read-back for an eighth of the work.
        int blocks = (p1 - p0 + kcMax - 1) / kcMax;
        int kb = (p1 - p0 + blocks - 1) / blocks;
        for (int pc = p0; pc < p1; pc += kb) {
            int kc = Math.min(kb, p1 - pc);
            boolean add = pc > p0;
            boolean packed = form != TN && j1 - j0 > L;
            // Packed A comes in row blocks as large as the strip buffer holds (every row of a 128-row
            // batch at kc = 512), cut equal and on tile boundaries; B is packed once per block of rows.
            int strip = MR * BlockedStrips.padded(kc);
            int mcMax = Math.max(MR, Workspace.STRIP_FLOATS / strip * MR);
            int rowBlocks = packed ? (i1 - i0 + mcMax - 1) / mcMax : 1;
            int mc = ((i1 - i0 + rowBlocks - 1) / rowBlocks + MR - 1) / MR * MR;
            for (int ic = i0; ic < i1; ic += mc) {
                int ie = Math.min(ic + mc, i1);
                if (packed) {
                    BlockedStrips.pack(a, k, ic, ie, pc, kc, strips);
                }
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
                    for (int i = ic, ao = 0; i < ie; i += MR, ao += strip) {
                        int rows = Math.min(MR, ie - i);
                        if (width == W && form != TN) {
                            BlockedStrips.tile(strips, ao, bp, kc, c, i * n + jc, n, rows, nw, add, tmp);
                        } else if (width == W && i + MR <= m) {
                            // Aᵀ's stored rows already hold six adjacent A rows side by side.
                            VectorTiles.tile(a, pc * m + i, m, bp, kc, c, i * n + jc, n, rows, nw, add, tmp);
                        } else if (width == W) {
                            // The last rows of Aᵀ: a strip of their own, so no read passes the matrix's end.
                            Packing.packTransposedA(a, m, i, ie, pc, kc, strips, MR);
                            VectorTiles.tile(strips, 0, MR, bp, kc, c, i * n + jc, n, rows, nw, add, tmp);
                        } else {
                            // Aᵀ(i, p) is stored at a[p * m + i]; A(i, p) at a[i * k + p].
                            int at = form == TN ? pc * m + i : i * k + pc;
                            VectorTiles.tile6x1(a, at, form == TN ? 1 : k, form == TN ? m : 1, bp, kc, c, i * n + jc, n,
                                    rows, nw, add, tmp);
                        }
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
