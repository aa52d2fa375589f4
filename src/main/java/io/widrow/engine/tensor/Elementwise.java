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
        if (z.length < n || g.length < n || out.length < n) {
            throw new IllegalArgumentException("arrays shorter than " + n + ": z " + z.length + ", g " + g.length
                    + ", out " + out.length);
        }
        Gemm.engine().elements().reluBackward(z, g, out, n, slope);
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
