package io.widrow.engine.tensor;

import java.util.Arrays;

/**
 * Chooses the GEMM path once and owns the thread pool. {@link Gemm} uses one engine configured from
 * system properties; tests build their own to cover both paths and thread counts in one JVM.
 *
 * <ul>
 *   <li>{@code widrow.engine.gemm}: {@code auto} (default: vector if the JVM has
 *       {@code jdk.incubator.vector}), {@code vector} or {@code portable}.</li>
 *   <li>{@code widrow.engine.threads}: threads per product, default and maximum the available processors.</li>
 * </ul>
 */
final class GemmEngine {
    /**
     * Below this many multiply-adds (≈ 30 µs on one core) waking a worker costs more than it saves:
     * batch-1 and the 10-wide output layer stay on the caller.
     */
    static final long PARALLEL_MIN_FMA = 1L << 21;
    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    private final GemmKernel kernel;
    private final ElementKernel elements;
    private final GemmPool pool;
    /** Started by the first thread that joins it, so its workers inherit that thread's priority. */
    private GemmPool background;
    /**
     * The pool each thread uses: the default one until it joins the background pool. Never null in a
     * pooled engine: a null while the JIT warmed up (no thread had joined yet) let C2 compile every product
     * with the lookup assumed null, and the first niced job then threw all of that code away (JFR: a
     * speculate_null_assert deoptimization).
     */
    private final ThreadLocal<GemmPool> threadPool;

    private GemmEngine(GemmKernel kernel, int threads) {
        this.kernel = kernel;
        this.elements = kernel instanceof PortableGemm ? new PortableElements() : loadVectorElements();
        this.pool = threads > 1 ? new GemmPool(threads, "widrow-gemm-") : null;
        this.threadPool = ThreadLocal.withInitial(() -> pool);
    }

    /**
     * From now on the calling thread's products and parallel passes use the background pool (same thread
     * count, so the same shares and the same bits), whose workers the first joining thread starts. See
     * {@link Gemm#useBackgroundWorkers()}.
     */
    synchronized void joinBackground() {
        if (pool == null) {
            return;
        }
        if (background == null) {
            background = new GemmPool(pool.threads(), "widrow-gemm-bg-");
        }
        threadPool.set(background);
    }

    /** The pool the calling thread uses; null when single-threaded. */
    private GemmPool pool() {
        return threadPool.get();
    }

    /** The element kernels that go with the GEMM path: vector with vector, portable with portable. */
    ElementKernel elements() {
        return elements;
    }

    private static ElementKernel loadVectorElements() {
        try {
            return (ElementKernel) Class.forName("io.widrow.engine.tensor.VectorElements")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("vector element kernels failed to load: " + e, e);
        }
    }

    /** Whether the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** {@code path} is {@code auto}, {@code vector} or {@code portable}; vector without the module throws. */
    static GemmEngine create(String path, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("GEMM threads must be >= 1, got " + threads);
        }
        GemmKernel k = switch (path) {
            case "portable" -> new PortableGemm();
            case "vector" -> loadVector();
            case "auto" -> vectorAvailable() ? loadVector() : new PortableGemm();
            default -> throw new IllegalArgumentException("widrow.engine.gemm must be auto, vector or portable, got " + path);
        };
        return new GemmEngine(k, threads);
    }

    static GemmEngine fromSystemProperties() {
        System.Logger log = System.getLogger(Gemm.class.getName());
        int procs = Runtime.getRuntime().availableProcessors();
        int threads = procs;
        String t = System.getProperty("widrow.engine.threads");
        if (t != null && !t.isBlank()) {
            try {
                threads = Math.max(1, Math.min(procs, Integer.parseInt(t.trim())));
            } catch (NumberFormatException e) {
                log.log(System.Logger.Level.WARNING, "ignoring widrow.engine.threads={0}: not a number", t);
            }
        }
        String path = System.getProperty("widrow.engine.gemm", "auto").trim();
        GemmEngine engine;
        try {
            engine = create(path, threads);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The service must keep training on a misconfigured JVM: degrade, and say so.
            log.log(System.Logger.Level.WARNING, "GEMM path ''{0}'' unavailable ({1}); using the portable kernels",
                    path, e.getMessage());
            engine = new GemmEngine(new PortableGemm(), threads);
        }
        log.log(System.Logger.Level.INFO, "GEMM kernels: {0}; {1}; {2}", engine.implementation(), HeapPages.describe(),
                TrapLimit.describe(!(engine.kernel instanceof PortableGemm)));
        return engine;
    }

    /** Reflection keeps the vector classes unlinked unless the module is really there. */
    private static GemmKernel loadVector() {
        if (!vectorAvailable()) {
            throw new IllegalStateException("module jdk.incubator.vector is not in the boot layer"
                    + " (start the JVM with --add-modules jdk.incubator.vector)");
        }
        try {
            GemmKernel k = (GemmKernel) Class.forName("io.widrow.engine.tensor.VectorGemm")
                    .getDeclaredConstructor().newInstance();
            float[] one = {1f};
            float[] out = new float[1];
            k.compute(GemmKernel.NN, one, one, out, 1, 1, 1, 0, 1, 0, 1, 0, 1, new Workspace());
            return k;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("vector kernels failed to load: " + e, e);
        }
    }

    /** Overwrites c (m×n) with op(A)·op(B) for the given {@link GemmKernel} form. */
    void multiply(int form, float[] a, float[] b, float[] c, int m, int k, int n) {
        if (m < 0 || k < 0 || n < 0 || a.length < (long) m * k || b.length < (long) k * n || c.length < (long) m * n) {
            throw new IllegalArgumentException("GEMM arrays too short for " + m + "x" + k + "x" + n + ": A "
                    + a.length + ", B " + b.length + ", C " + c.length);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        Workspace ws = LOCAL.get();
        GemmPool pool = pool();
        if (pool != null && (long) m * k * n >= PARALLEL_MIN_FMA) {
            if (pool.run(kernel, form, a, b, c, m, k, n, ws)) {
                return;
            }
            if (GemmPool.splitsK(form, m, k, n, pool.threads())) {
                // The pool is busy (another job): sum the same k shares here, in the same order, so a
                // training run's weights do not depend on what else the node was doing.
                splitKOnCaller(form, a, b, c, m, k, n, ws);
                return;
            }
        }
        kernel.compute(form, a, b, c, m, k, n, 0, m, 0, n, 0, k, ws);
    }

    private void splitKOnCaller(int form, float[] a, float[] b, float[] c, int m, int k, int n, Workspace ws) {
        int parts = pool.threads();
        kernel.compute(form, a, b, c, m, k, n, 0, m, 0, n, 0, GemmPool.kShare(k, 1, parts), ws);
        float[] partial = ws.partial(m * n);
        for (int t = 1; t < parts; t++) {
            kernel.compute(form, a, b, partial, m, k, n, 0, m, 0, n, GemmPool.kShare(k, t, parts),
                    GemmPool.kShare(k, t + 1, parts), ws);
            GemmPool.addInto(c, partial, m * n);
        }
    }

    /** Runs {@code task} over [0, n), split over the pool when there are at least {@code minPerThread} per thread. */
    void forRange(int n, int minPerThread, Parallel.RangeTask task) {
        if (n <= 0) {
            return;
        }
        GemmPool pool = pool();
        if (pool != null && n >= (long) minPerThread * pool.threads() && pool.runRange(n, task)) {
            return;
        }
        task.run(0, n);
    }

    int threads() {
        return pool == null ? 1 : pool.threads();
    }

    String implementation() {
        return kernel.label() + " x" + threads() + (threads() == 1 ? " thread" : " threads");
    }
}
