package io.widrow.engine.tensor;

/**
 * Element-wise loops that HotSpot does not vectorize by itself (a data-dependent select, a long
 * reduction), in a portable and a {@code jdk.incubator.vector} version chosen with the GEMM path.
 */
interface ElementKernel {
    /** out[i] = z[i] > 0 ? g[i] : slope·g[i] for i in [from, to); exactly +0.0 for slope 0 (even where g is NaN). */
    void reluBackward(float[] z, float[] g, float[] out, int from, int to, float slope);

    /** Mutates v: v[i] = e^v[i] for i in [from, to), in float, by {@link FloatExp} (the same bits on both paths). */
    void exp(float[] v, int from, int to);

    /**
     * Overwrites a[from..to) with the logistic 1 / (1 + e^−z[i]) by {@link FloatExp#sigmoid} (the same bits
     * on both paths); a may be z.
     */
    void sigmoid(float[] z, float[] a, int from, int to);

    /** Overwrites a[from..to) with tanh z[i] by {@link FloatTanh#tanh} (the same bits on both paths); a may be z. */
    void tanh(float[] z, float[] a, int from, int to);

    /**
     * Overwrites a[from..to) with the exact GELU z[i]·Φ(z[i]) by {@link FloatGelu#gelu} (the same bits on
     * both paths); a may be z.
     */
    void gelu(float[] z, float[] a, int from, int to);

    /**
     * Overwrites out[from..to) with g[i]·(Φ(z[i]) + z[i]·φ(z[i])), GELU's backward pass, by
     * {@link FloatGelu#backward} (the same bits on both paths; the canonical NaN wherever the result is NaN); out
     * may be z or g.
     */
    void geluBackward(float[] z, float[] g, float[] out, int from, int to);

    /** Σ v[i]² over [from, to). */
    double sumOfSquares(float[] v, int from, int to);

    /** Mutates c (row-major, cols wide): adds bias[j] to every c[i][j] of rows [rowFrom, rowTo). */
    void addRowVector(float[] c, int rowFrom, int rowTo, int cols, float[] bias);

    /**
     * Overwrites out[colFrom..colTo) with those column sums of a (rows × cols, row-major), each summed
     * row by row, so a split by columns gives the same bits.
     */
    void columnSums(float[] a, int rows, int cols, float[] out, int colFrom, int colTo);
}
