package io.widrow.engine.tensor;

/**
 * Element-wise work split over the same persistent threads as {@link Gemm}, for loops long enough that a
 * second core beats the hand-off (an optimizer step over a 200,000-weight layer). Nothing is allocated
 * per call: callers keep one task object and refill its fields.
 */
public final class Parallel {
    private Parallel() {
    }

    /** A loop body over an index range; must be safe to run on disjoint ranges concurrently. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /**
     * Runs {@code task} over [0, n): on the caller alone when n is under {@code minPerThread} per thread
     * or the pool is busy with another caller, else one contiguous share per thread. Returns when all
     * shares are done; a failure in any share is rethrown here.
     */
    public static void forRange(int n, int minPerThread, RangeTask task) {
        Gemm.engine().forRange(n, minPerThread, task);
    }
}
