package io.widrow.engine.tensor;

/**
 * Matrix-multiply kernels on row-major {@link Matrix} buffers. Every kernel overwrites its output.
 *
 * <p>The loops are ordered so the innermost one walks contiguous memory of both the output and one
 * operand with a scalar from the other (i-k-j order), which HotSpot turns into SIMD code; this is the
 * portable path that every faster path must agree with.
 */
public final class Gemm {
    private Gemm() {
    }

    /** C = A·B with A (m×k), B (k×n), C (m×n). Overwrites C. */
    public static void matmul(Matrix a, Matrix b, Matrix c) {
        check(a.cols() == b.rows() && c.rows() == a.rows() && c.cols() == b.cols(), "A·B", a, b, c);
        matmul(a.data(), b.data(), c.data(), a.rows(), a.cols(), b.cols());
    }

    /** Raw form of {@link #matmul(Matrix, Matrix, Matrix)}: c[m×n] = a[m×k] · b[k×n]. */
    public static void matmul(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            java.util.Arrays.fill(c, ci, ci + n, 0f);
            int ai = i * k;
            for (int p = 0; p < k; p++) {
                float av = a[ai + p];
                if (av == 0f) {
                    continue;
                }
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    /** C = Aᵀ·B with A (k×m), B (k×n), C (m×n). Overwrites C. */
    public static void matmulTransA(Matrix a, Matrix b, Matrix c) {
        check(a.rows() == b.rows() && c.rows() == a.cols() && c.cols() == b.cols(), "Aᵀ·B", a, b, c);
        int k = a.rows();
        int m = a.cols();
        int n = b.cols();
        float[] ad = a.data();
        float[] bd = b.data();
        float[] cd = c.data();
        java.util.Arrays.fill(cd, 0, m * n, 0f);
        for (int p = 0; p < k; p++) {
            int ap = p * m;
            int bp = p * n;
            for (int i = 0; i < m; i++) {
                float av = ad[ap + i];
                if (av == 0f) {
                    continue;
                }
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    cd[ci + j] += av * bd[bp + j];
                }
            }
        }
    }

    /**
     * C = A·Bᵀ with A (m×k), B (n×k), C (m×n). Overwrites C. {@code scratch} must hold k×n floats: B is
     * transposed into it so the product runs in the vectorizable i-k-j order.
     */
    public static void matmulTransB(Matrix a, Matrix b, Matrix c, float[] scratch) {
        check(a.cols() == b.cols() && c.rows() == a.rows() && c.cols() == b.rows(), "A·Bᵀ", a, b, c);
        int n = b.rows();
        int k = b.cols();
        transpose(b.data(), scratch, n, k);
        matmul(a.data(), scratch, c.data(), a.rows(), k, n);
    }

    /** dst[cols×rows] = src[rows×cols]ᵀ. */
    public static void transpose(float[] src, float[] dst, int rows, int cols) {
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        dst[c * rows + r] = src[r * cols + c];
                    }
                }
            }
        }
    }

    /** Mutates C: adds {@code bias} (length C.cols) to every row. */
    public static void addRowVector(Matrix c, float[] bias) {
        int n = c.cols();
        float[] d = c.data();
        for (int i = 0, rows = c.rows(); i < rows; i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) {
                d[off + j] += bias[j];
            }
        }
    }

    /** Overwrites {@code out} (length A.cols) with the column sums of A. */
    public static void columnSums(Matrix a, float[] out) {
        int n = a.cols();
        java.util.Arrays.fill(out, 0, n, 0f);
        float[] d = a.data();
        for (int i = 0, rows = a.rows(); i < rows; i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += d[off + j];
            }
        }
    }

    private static void check(boolean ok, String op, Matrix a, Matrix b, Matrix c) {
        if (!ok) {
            throw new IllegalArgumentException(op + " shape mismatch: A " + a.rows() + "x" + a.cols()
                    + ", B " + b.rows() + "x" + b.cols() + ", C " + c.rows() + "x" + c.cols());
        }
    }
}
