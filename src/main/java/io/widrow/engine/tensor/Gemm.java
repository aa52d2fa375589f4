package io.widrow.engine.tensor;

/**
 * Matrix-multiply kernels on row-major {@link Matrix} buffers. Every kernel overwrites its output.
 *
 * <p>The products run on register-blocked {@code jdk.incubator.vector} kernels when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}, else on a portable scalar kernel, and large ones are
 * split over a persistent pool of threads (see {@link GemmEngine} for the system properties). All
 * methods are safe to call from several threads at once on distinct outputs, and allocate nothing once
 * the largest shape has been seen.
 */
public final class Gemm {
    private Gemm() {
    }

    /** Built (and logged) on first use, so merely loading the engine costs nothing. */
    private static final class Default {
        static final GemmEngine ENGINE = GemmEngine.fromSystemProperties();
    }

    static GemmEngine engine() {
        return Default.ENGINE;
    }

    /** Which kernels and thread count are in use, e.g. {@code "vector-avx512 (16 lanes) x2 threads"}. */
    public static String implementation() {
        return Default.ENGINE.implementation();
    }

    /**
     * Makes the calling thread's products and parallel passes run on the engine's background workers
     * instead of the default ones, for good. The background workers are started by the first thread that
     * calls this, and on Linux a thread inherits its creator's nice value: a service that lowers its
     * training threads' priority calls this afterwards, so each helper runs at the priority of the thread
     * it helps. A helper at normal priority next to a niced caller keeps its core whenever a third thread
     * wants one, and the niced caller, whose half every product waits for, is the one that gives way
     * (measured on a 2-core node: run-queue waits of 0.2–0.7 s per 3-epoch job against 0.03 s). Results
     * are the same bits on either pool. No-op on a single-threaded engine.
     */
    public static void useBackgroundWorkers() {
        Default.ENGINE.joinBackground();
    }

    /** C = A·B with A (m×k), B (k×n), C (m×n). Overwrites C. */
    public static void matmul(Matrix a, Matrix b, Matrix c) {
        check(a.cols() == b.rows() && c.rows() == a.rows() && c.cols() == b.cols(), "A·B", a, b, c);
        matmul(a.data(), b.data(), c.data(), a.rows(), a.cols(), b.cols());
    }

    /** Raw form of {@link #matmul(Matrix, Matrix, Matrix)}: c[m×n] = a[m×k] · b[k×n]. */
    public static void matmul(float[] a, float[] b, float[] c, int m, int k, int n) {
        Default.ENGINE.multiply(GemmKernel.NN, a, b, c, m, k, n);
    }

    /** C = Aᵀ·B with A (k×m), B (k×n), C (m×n). Overwrites C. */
    public static void matmulTransA(Matrix a, Matrix b, Matrix c) {
        check(a.rows() == b.rows() && c.rows() == a.cols() && c.cols() == b.cols(), "Aᵀ·B", a, b, c);
        Default.ENGINE.multiply(GemmKernel.TN, a.data(), b.data(), c.data(), a.cols(), a.rows(), b.cols());
    }

    /** C = A·Bᵀ with A (m×k), B (n×k), C (m×n). Overwrites C. */
    public static void matmulTransB(Matrix a, Matrix b, Matrix c) {
        check(a.cols() == b.cols() && c.rows() == a.rows() && c.cols() == b.rows(), "A·Bᵀ", a, b, c);
        Default.ENGINE.multiply(GemmKernel.NT, a.data(), b.data(), c.data(), a.rows(), a.cols(), b.rows());
    }

    /** Mutates C: adds {@code bias} (length C.cols) to every row. */
    public static void addRowVector(Matrix c, float[] bias) {
        if (bias.length < c.cols()) {
            throw new IllegalArgumentException("bias has " + bias.length + " values for " + c.cols() + " columns");
        }
        Elementwise.addRowVector(c.data(), c.rows(), c.cols(), bias);
    }

    /** Overwrites {@code out} (length A.cols) with the column sums of A. */
    public static void columnSums(Matrix a, float[] out) {
        if (out.length < a.cols()) {
            throw new IllegalArgumentException("out has " + out.length + " values for " + a.cols() + " columns");
        }
        Elementwise.columnSums(a.data(), a.rows(), a.cols(), out);
    }

    private static void check(boolean ok, String op, Matrix a, Matrix b, Matrix c) {
        if (!ok) {
            throw new IllegalArgumentException(op + " shape mismatch: A " + a.rows() + "x" + a.cols()
                    + ", B " + b.rows() + "x" + b.cols() + ", C " + c.rows() + "x" + c.cols());
        }
    }
}
