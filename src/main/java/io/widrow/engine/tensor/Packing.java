package io.widrow.engine.tensor;

/**
 * Copies blocks of op(B) into the contiguous layout the micro-kernel reads: a kc × width block into a
 * contiguous panel (row p at {@code p * width}), absorbing Bᵀ so every kernel reads B the same way. The
 * block is then reused by every row tile of A while it sits in L1.
 */
final class Packing {
    private Packing() {
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
