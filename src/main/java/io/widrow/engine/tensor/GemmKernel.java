package io.widrow.engine.tensor;

/**
 * One way of computing a block of C = op(A)·op(B). Implementations are stateless; all scratch comes
 * from the {@link Workspace} of the thread that runs the block, so a kernel may run on several threads
 * at once as long as their C blocks do not overlap.
 */
interface GemmKernel {
    /** C = A·B: A (m×k), B (k×n). */
    int NN = 0;
    /** C = Aᵀ·B: A stored (k×m), B (k×n). */
    int TN = 1;
    /** C = A·Bᵀ: A (m×k), B stored (n×k). */
    int NT = 2;

    /**
     * Overwrites C[i0..i1) × [j0..j1) of the row-major m×n matrix c with the product summed over the
     * k-range [p0, p1) only (0 ≤ p0 < p1 ≤ k): the whole product when p0 = 0 and p1 = k, else a partial
     * sum that the caller adds up.
     */
    void compute(int form, float[] a, float[] b, float[] c, int m, int k, int n,
                 int i0, int i1, int j0, int j1, int p0, int p1, Workspace ws);

    /** Column splits between threads are made at multiples of this so no thread gets a ragged panel. */
    int panelWidth();

    /** Short label for logs and benchmarks. */
    String label();
}
