package io.widrow.engine.tensor;

/**
 * Copies blocks of op(A) and op(B) into the contiguous layouts the micro-kernel reads: B into a kc × width
 * panel (row p at {@code p * width}), absorbing the transpose of A·Bᵀ, and the last rows of a stored Aᵀ into a
 * strip of six rows interleaved along k (row-major A goes through {@link BlockedStrips#pack} instead). The panel
 * is reused by every strip while it sits in L1.
 */
final class Packing {
    private Packing() {
    }

    /**
     * Packs rows [i0..i1) × k [pc..pc+kc) of A, stored transposed (Aᵀ, k × m), into strips of {@code mr} rows:
     * strip t starts at {@code t * mr * kc} and holds element (i0 + t*mr + r, pc + p) at {@code p * mr + r}, the
     * layout a tile reads from Aᵀ in place. Only Aᵀ's last rows come here, so no read passes the matrix's end;
     * rows past i1 in the last strip are zeroed.
     */
    static void packTransposedA(float[] a, int m, int i0, int i1, int pc, int kc, float[] dst, int mr) {
        for (int i = i0, t = 0; i < i1; i += mr, t += mr * kc) {
            int rows = Math.min(mr, i1 - i);
            for (int p = 0, src = pc * m + i, d = t; p < kc; p++, src += m, d += mr) {
                for (int r = 0; r < rows; r++) {
                    dst[d + r] = a[src + r];
                }
                for (int r = rows; r < mr; r++) {
                    dst[d + r] = 0f;
                }
            }
        }
    }

    /** Packs op(B)[pc..pc+kc) × [jc..jc+nw) into {@code dst}; columns nw..width are zeroed. */
    static void packB(int form, float[] b, int k, int n, int pc, int kc, int jc, int nw, float[] dst, int width) {
        if (form == GemmKernel.NT) {
            // B is stored n×k: four B rows are read side by side so each panel row gets four adjacent
            // writes per pass (measured ~2x faster than one column at a time).
            int jj = 0;
            for (; jj + 4 <= nw; jj += 4) {
                int s0 = (jc + jj) * k + pc;
                int s1 = s0 + k;
                int s2 = s1 + k;
                int s3 = s2 + k;
                for (int p = 0; p < kc; p++) {
                    int d = p * width + jj;
                    dst[d] = b[s0 + p];
                    dst[d + 1] = b[s1 + p];
                    dst[d + 2] = b[s2 + p];
                    dst[d + 3] = b[s3 + p];
                }
            }
            for (; jj < nw; jj++) {
                int src = (jc + jj) * k + pc;
                for (int p = 0, d = jj; p < kc; p++, d += width) {
                    dst[d] = b[src + p];
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (pc + p) * n + jc, dst, p * width, nw);
            }
        }
        if (nw < width) {
            for (int p = 0; p < kc; p++) {
                java.util.Arrays.fill(dst, p * width + nw, (p + 1) * width, 0f);
            }
        }
    }
}
