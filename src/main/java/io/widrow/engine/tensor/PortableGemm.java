package io.widrow.engine.tensor;

/**
 * The scalar path for JVMs started without {@code jdk.incubator.vector}: four rows of C are updated
 * per pass over a row of B, so each B element is loaded once for four multiply-adds, and the
 * contiguous inner loop is left for HotSpot's auto-vectorizer.
 */
final class PortableGemm implements GemmKernel {
    /** Columns of C updated per pass: 4 rows × 256 floats stay in L1 across the whole k loop. */
    private static final int JB = 256;

    @Override
    public void compute(int form, float[] a, float[] b, float[] c, int m, int k, int n,
                        int i0, int i1, int j0, int j1, Workspace ws) {
        float[] bb = b;
        int ldb = n;
        int bcol = j0;
        if (form == NT) {
            // One transpose per call keeps the hot loop contiguous in B.
            int w = j1 - j0;
            bb = ws.matrix(k * w);
            for (int j = j0; j < j1; j++) {
                for (int p = 0, src = j * k, d = j - j0; p < k; p++, d += w) {
                    bb[d] = b[src + p];
                }
            }
            ldb = w;
            bcol = 0;
        }
        int rs = form == TN ? 1 : k;
        int cs = form == TN ? m : 1;
        for (int jb = j0; jb < j1; jb += JB) {
            int w = Math.min(JB, j1 - jb);
            int boff = bcol + (jb - j0);
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                rows4(a, i * rs, rs, cs, bb, boff, ldb, c, i * n + jb, n, k, w);
            }
            for (; i < i1; i++) {
                row1(a, i * rs, cs, bb, boff, ldb, c, i * n + jb, k, w);
            }
        }
    }

    private static void rows4(float[] a, int ai, int rs, int cs, float[] b, int boff, int ldb,
                              float[] c, int c0, int ldc, int k, int w) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        java.util.Arrays.fill(c, c0, c0 + w, 0f);
        java.util.Arrays.fill(c, c1, c1 + w, 0f);
        java.util.Arrays.fill(c, c2, c2 + w, 0f);
        java.util.Arrays.fill(c, c3, c3 + w, 0f);
        for (int p = 0; p < k; p++) {
            int ap = ai + p * cs;
            float a0 = a[ap];
            float a1 = a[ap + rs];
            float a2 = a[ap + 2 * rs];
            float a3 = a[ap + 3 * rs];
            int bp = p * ldb + boff;
            for (int j = 0; j < w; j++) {
                float bv = b[bp + j];
                c[c0 + j] += a0 * bv;
                c[c1 + j] += a1 * bv;
                c[c2 + j] += a2 * bv;
                c[c3 + j] += a3 * bv;
            }
        }
    }

    private static void row1(float[] a, int ai, int cs, float[] b, int boff, int ldb,
                             float[] c, int c0, int k, int w) {
        java.util.Arrays.fill(c, c0, c0 + w, 0f);
        for (int p = 0; p < k; p++) {
            float av = a[ai + p * cs];
            int bp = p * ldb + boff;
            for (int j = 0; j < w; j++) {
                c[c0 + j] += av * b[bp + j];
            }
        }
    }

    @Override
    public int panelWidth() {
        return 16;
    }

    @Override
    public String label() {
        return "portable";
    }
}
