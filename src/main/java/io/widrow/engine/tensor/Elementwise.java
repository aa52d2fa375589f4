package io.widrow.engine.tensor;

/**
 * Element-wise kernels on the same path as {@link Gemm} (vector when the JVM has
 * {@code jdk.incubator.vector} and the GEMM path is not forced portable).
 */
public final class Elementwise {
    private Elementwise() {
    }

    /**
     * Overwrites {@code out[0..n)} with the leaky-ReLU backward pass: g where z &gt; 0, else slope·g
     * (slope 0 gives +0.0). {@code out} may be {@code g}.
     */
    public static void reluBackward(float[] z, float[] g, float[] out, int n, float slope) {
        requireLength(n, z, g, out);
        PASSES.get().run(Pass.RELU_BACKWARD, n, PASS_MIN_PER_THREAD, z, g, out, 0, 0, slope);
    }

    /**
     * Overwrites {@code a[0..n)} with the leaky ReLU of {@code z}: z where z &gt; 0, else slope·z, with
     * +0.0 rather than −0.0 for slope 0. {@code a} may be {@code z}.
     */
    public static void leakyRelu(float[] z, float[] a, int n, float slope) {
        requireLength(n, z, a);
        PASSES.get().run(Pass.LEAKY_RELU, n, PASS_MIN_PER_THREAD, z, null, a, 0, 0, slope);
    }

    /**
     * Overwrites {@code a[0..n)} with the logistic 1 / (1 + e^−z) in float, within 2.5 ulps of the double
     * value where that is a normal float, 0 below z = −88.72, and the same bits on the vector and the
     * portable path (see {@link FloatExp#sigmoid}). {@code a} may be {@code z}.
     */
    public static void sigmoid(float[] z, float[] a, int n) {
        requireLength(n, z, a);
        PASSES.get().run(Pass.SIGMOID, n, PASS_MIN_PER_THREAD, z, null, a, 0, 0, 0f);
    }

    /**
     * Overwrites {@code a[0..n)} with tanh z in float, within 1.5 ulps of {@code Math.tanh} and the same
     * bits on the vector and the portable path (see {@link FloatTanh}). {@code a} may be {@code z}.
     */
    public static void tanh(float[] z, float[] a, int n) {
        requireLength(n, z, a);
        PASSES.get().run(Pass.TANH, n, PASS_MIN_PER_THREAD, z, null, a, 0, 0, 0f);
    }

    /**
     * Overwrites {@code a[0..n)} with the exact GELU z·Φ(z) in float (not the tanh approximation), within
     * 5 ulps of the double value where that is a normal float and ±0 where it is not (see
     * {@link FloatGelu#flush}), and the same bits on the vector and the
     * portable path (see {@link FloatGelu}). {@code a} may be {@code z}.
     */
    public static void gelu(float[] z, float[] a, int n) {
        requireLength(n, z, a);
        PASSES.get().run(Pass.GELU, n, PASS_MIN_PER_THREAD, z, null, a, 0, 0, 0f);
    }

    /**
     * Overwrites {@code out[0..n)} with GELU's backward pass g·(Φ(z) + z·φ(z)) in float, the derivative
     * within 6 ulps of the larger of its two terms, and the same bits on the vector and the portable path
     * (see {@link FloatGelu}); {@link Float#NaN} wherever the result is NaN. {@code out} may be {@code z} or
     * {@code g}.
     */
    public static void geluBackward(float[] z, float[] g, float[] out, int n) {
        requireLength(n, z, g, out);
        PASSES.get().run(Pass.GELU_BACKWARD, n, PASS_MIN_PER_THREAD, z, g, out, 0, 0, 0f);
    }

    private static void requireLength(int n, float[] z, float[] a) {
        if (z.length < n || a.length < n) {
            throw new IllegalArgumentException("arrays shorter than " + n + ": z " + z.length + ", a " + a.length);
        }
    }

    private static void requireLength(int n, float[] z, float[] g, float[] out) {
        if (z.length < n || g.length < n || out.length < n) {
            throw new IllegalArgumentException("arrays shorter than " + n + ": z " + z.length + ", g " + g.length
                    + ", out " + out.length);
        }
    }

    /** Mutates c (rows × cols, row-major): adds bias[j] to every c[i][j]. */
    static void addRowVector(float[] c, int rows, int cols, float[] bias) {
        PASSES.get().run(Pass.ADD_ROW_VECTOR, rows, Math.max(1, PASS_MIN_PER_THREAD / cols), bias, null, c, rows, cols, 0f);
    }

    /** Overwrites out[0..cols) with the column sums of a (rows × cols, row-major). */
    static void columnSums(float[] a, int rows, int cols, float[] out) {
        PASSES.get().run(Pass.COLUMN_SUMS, cols, Math.max(1, PASS_MIN_PER_THREAD / Math.max(1, rows)), a, null, out,
                rows, cols, 0f);
    }

    /**
     * Below this many floats per thread a pass stays on the caller. A pass between two products otherwise
     * leaves the other core waiting: the bias adds, ReLUs and bias gradients of the Fashion-MNIST network
     * were 9% of the caller's time per step, all spent with the pool idle.
     */
    private static final int PASS_MIN_PER_THREAD = 8_192;
    private static final ThreadLocal<Pass> PASSES = ThreadLocal.withInitial(Pass::new);

    /**
     * One element-wise pass, refilled per call (one object per calling thread, so nothing is allocated)
     * and split over the pool. Each output element depends only on its own inputs (a column sum on its own
     * column, summed row by row), so how the range is split never changes a bit.
     */
    private static final class Pass implements Parallel.RangeTask {
        static final int RELU_BACKWARD = 0;
        static final int LEAKY_RELU = 1;
        static final int ADD_ROW_VECTOR = 2;
        static final int COLUMN_SUMS = 3;
        static final int SIGMOID = 4;
        static final int TANH = 5;
        static final int GELU = 6;
        static final int GELU_BACKWARD = 7;
        private int op;
        private float[] x;
        private float[] y;
        private float[] out;
        private int rows;
        private int cols;
        private float slope;

        void run(int op, int n, int minPerThread, float[] x, float[] y, float[] out, int rows, int cols, float slope) {
            this.op = op;
            this.x = x;
            this.y = y;
            this.out = out;
            this.rows = rows;
            this.cols = cols;
            this.slope = slope;
            try {
                Parallel.forRange(n, minPerThread, this);
            } finally {
                this.x = this.y = this.out = null;
            }
        }

        @Override
        public void run(int from, int to) {
            ElementKernel k = Gemm.engine().elements();
            switch (op) {
                case RELU_BACKWARD -> k.reluBackward(x, y, out, from, to, slope);
                case LEAKY_RELU -> leakyRelu(x, out, from, to, slope);
                case ADD_ROW_VECTOR -> k.addRowVector(out, from, to, cols, x);
                case SIGMOID -> k.sigmoid(x, out, from, to);
                case TANH -> k.tanh(x, out, from, to);
                case GELU -> k.gelu(x, out, from, to);
                case GELU_BACKWARD -> k.geluBackward(x, y, out, from, to);
                default -> k.columnSums(x, rows, cols, out, from, to);
            }
        }

        private static void leakyRelu(float[] z, float[] a, int from, int to, float slope) {
            if (slope >= 0f && slope <= 1f) {
                // max() is branch-free, so HotSpot vectorizes it; max(v, αv) is the same function for α in
                // [0, 1], and + 0f turns the −0.0 of slope 0 on negative z into the +0.0 users expect.
                for (int i = from; i < to; i++) {
                    float v = z[i];
                    a[i] = Math.max(v, slope * v) + 0f;
                }
                return;
            }
            for (int i = from; i < to; i++) {
                float v = z[i];
                a[i] = v > 0f ? v : slope * v + 0f;
            }
        }
    }

    /**
     * Mutates v: v[i] = e^v[i] for i &lt; n, in float, within 2 ulps of {@code Math.exp} and the same bits
     * on the vector and the portable path (see {@link FloatExp}).
     */
    public static void exp(float[] v, int n) {
        if (v.length < n) {
            throw new IllegalArgumentException("array shorter than " + n + ": " + v.length);
        }
        Gemm.engine().elements().exp(v, 0, n);
    }

    /** Σ v[i]² over the first n elements; float products summed in blocks, blocks in double. */
    public static double sumOfSquares(float[] v, int n) {
        if (v.length < n) {
            throw new IllegalArgumentException("array shorter than " + n + ": " + v.length);
        }
        return Gemm.engine().elements().sumOfSquares(v, 0, n);
    }

    /**
     * As {@link #sumOfSquares}, with each pool thread summing one contiguous share: the shares the
     * optimizer updates each parameter in, so a gradient is read on the core that wrote it, not pulled
     * across to the caller's. The shares' sums are added in order; the last bits may differ from the
     * one-thread sum, but not with whether the pool was free.
     */
    public static double sumOfSquaresShared(float[] v, int n) {
        if (v.length < n) {
            throw new IllegalArgumentException("array shorter than " + n + ": " + v.length);
        }
        SquareSums task = SQUARE_SUMS.get();
        return task.sum(v, n);
    }

    /** Below this many values per thread the caller sums alone. */
    private static final int SHARED_MIN_PER_THREAD = 16_384;
    private static final ThreadLocal<SquareSums> SQUARE_SUMS = ThreadLocal.withInitial(SquareSums::new);

    /** One per calling thread, refilled per call, so a sum allocates nothing. */
    private static final class SquareSums implements Parallel.RangeTask {
        private final double[] partial = new double[Gemm.engine().threads()];
        private final int[] starts = new int[partial.length];
        private float[] v;
        private int n;

        double sum(float[] values, int count) {
            v = values;
            n = count;
            java.util.Arrays.fill(partial, 0);
            for (int t = 0; t < starts.length; t++) {
                starts[t] = GemmPool.share(count, t, starts.length);
            }
            try {
                Parallel.forRange(count, SHARED_MIN_PER_THREAD, this);
            } finally {
                v = null;
            }
            double total = 0;
            for (double p : partial) {
                total += p;
            }
            return total;
        }

        /**
         * Sums each share inside [from, to) on its own: a pool thread gets exactly one share, and a caller
         * left alone (pool busy with another job) gets [0, n) and sums every share in turn, so the total
         * is the same bits either way.
         */
        @Override
        public void run(int from, int to) {
            for (int t = 0; t < starts.length; t++) {
                int lo = starts[t];
                int hi = t + 1 < starts.length ? starts[t + 1] : n;
                if (lo >= from && hi <= to && hi > lo) {
                    partial[t] = Gemm.engine().elements().sumOfSquares(v, lo, hi);
                }
            }
        }
    }
}
