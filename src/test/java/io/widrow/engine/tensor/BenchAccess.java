package io.widrow.engine.tensor;

/** Lets the benchmark (another package) pick a path and thread count without widening the engine's API. */
public final class BenchAccess {
    public static final int NN = GemmKernel.NN;
    public static final int TN = GemmKernel.TN;
    public static final int NT = GemmKernel.NT;

    private final GemmEngine engine;

    private BenchAccess(GemmEngine engine) {
        this.engine = engine;
    }

    /** {@code path}: auto, vector or portable. */
    public static BenchAccess create(String path, int threads) {
        return new BenchAccess(GemmEngine.create(path, threads));
    }

    public static boolean vectorAvailable() {
        return GemmEngine.vectorAvailable();
    }

    public void multiply(int form, float[] a, float[] b, float[] c, int m, int k, int n) {
        engine.multiply(form, a, b, c, m, k, n);
    }

    public String implementation() {
        return engine.implementation();
    }
}
