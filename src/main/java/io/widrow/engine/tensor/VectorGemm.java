package io.widrow.engine.tensor;

/**
 * The {@code jdk.incubator.vector} path. Loaded only by reflection after the module was found, so a
 * JVM without the module never links this class or its helpers.
 *
 * <p>Loop order: k is cut into blocks of {@link #KC}; for each block, one panel of B (KC × two vectors)
 * is packed so it fits in L1 and is swept by every 6-row tile of A, which is read in place (its rows,
 * or for Aᵀ its columns, are walked sequentially so the hardware prefetcher keeps up).
 */
final class VectorGemm implements GemmKernel {
    /** 256 × 32 floats = 32 KiB: the packed panel stays in L1 while all row tiles use it. */
    static final int KC = 256;
    private static final int MR = VectorTiles.MR;
    private static final int W = VectorTiles.W;

    @Override
    public void compute(int form, float[] a, float[] b, float[] c, int m, int k, int n,
                        int i0, int i1, int j0, int j1, Workspace ws) {
        if (i1 - i0 < MR) {
            // Too few rows to amortise packing.
            if (form == NT) {
                VectorSmall.dotNT(a, b, c, k, n, i0, i1, j0, j1);
            } else {
                VectorSmall.rowsDirect(a, form == TN ? 1 : k, form == TN ? m : 1, b, c, k, n, i0, i1, j0, j1);
            }
            return;
        }
        int rs = form == TN ? 1 : k;
        int cs = form == TN ? m : 1;
        float[] bp = ws.panel(KC * W);
        float[] tmp = ws.tile(W);
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = pc > 0;
            int acol = pc * cs;
            for (int jc = j0; jc < j1; jc += W) {
                int nw = Math.min(W, j1 - jc);
                Packing.packB(form, b, k, n, pc, kc, jc, nw, bp, W);
                int i = i0;
                for (; i + MR <= i1; i += MR) {
                    VectorTiles.tile6(a, i * rs + acol, rs, cs, bp, kc, c, i * n + jc, n, nw, add, tmp);
                }
                for (; i < i1; i++) {
                    VectorTiles.tile1(a, i * rs + acol, cs, bp, kc, c, i * n + jc, nw, add, tmp);
                }
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
