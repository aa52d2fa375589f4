package io.widrow.engine.tensor;

/**
 * Element-wise loops that HotSpot does not vectorize by itself (a data-dependent select, a long
 * reduction), in a portable and a {@code jdk.incubator.vector} version chosen with the GEMM path.
 */
interface ElementKernel {
    /** out[i] = z[i] > 0 ? g[i] : slope·g[i] for i < n; exactly +0.0 for slope 0 (even where g is NaN). */
    void reluBackward(float[] z, float[] g, float[] out, int n, float slope);

    /** Σ v[i]² over i < n. */
    /** Σ v[i]² over [from, to). */
    double sumOfSquares(float[] v, int from, int to);

    /** Mutates c (rows × cols, row-major): adds bias[j] to every c[i][j]. */
    void addRowVector(float[] c, int rows, int cols, float[] bias);

    /** Overwrites out[0..cols) with the column sums of a (rows × cols, row-major). */
    void columnSums(float[] a, int rows, int cols, float[] out);
}
