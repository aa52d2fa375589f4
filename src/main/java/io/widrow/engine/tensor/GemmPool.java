package io.widrow.engine.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Persistent daemon workers that each take one share of a product (or of an element-wise range task)
 * while the calling thread computes the first share, and then any share a worker has not started. Task
 * objects are the workers themselves, refilled per call, so a hand-off allocates nothing. One caller at a
 * time: a second concurrent caller (another training job) is told to run single-threaded, which is right
 * anyway since the cores are then already busy.
 */
final class GemmPool {
    /**
     * The waiting caller spins this long before parking, and so does a worker at first and while it is
     * being descheduled (see {@link SpinPolicy}). Short, because a spinning worker takes a core from
     * threads that have work: with a third busy process on two cores, a training step took 2.4 ms at
     * 100 µs and 1.8 ms at 20 µs (quiet host: the same 0.9 ms, as a late worker's share is taken over by
     * the caller).
     */
    static final long SPIN_NANOS = 20_000;
    /**
     * A worker spins up to this long while its hand-offs keep arriving just after it parked. A training
     * step has serial stretches of 20-40 µs (the 10-wide output layer, loss, gradient norms) after which
     * a parked worker woke too late, and the caller computed its share too: 500-1,100 such take-overs
     * per epoch on a quiet Zen 5 host at 20 µs, 20-350 at up to 150 µs.
     */
    static final long SPIN_MAX_NANOS = 150_000;
    /** Hand-offs per look at the share of them the caller took over. */
    private static final int CONTENTION_WINDOW = 64;

    /** Row shares start at multiples of the vector kernel's tile height. */
    private static final int ROW_ALIGN = 6;
    /** Shorter k shares spend more on each tile's set-up and store than they save. */
    private static final int SPLIT_K_MIN_SHARE = 64;
    /** Each worker keeps a private C of up to this many floats (256 KB) for a k split. */
    static final int SPLIT_K_MAX_C = 1 << 16;

    /** A k split's partial C is summed by all threads from this many floats per thread. */
    private static final int SUM_MIN_PER_THREAD = 8_192;

    private final Worker[] workers;
    private final PartialSum sumPartials = new PartialSum();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread caller;
    /** Runs on a worker just before it claims a share; null except in tests that hold a worker back. */
    private final Runnable beforeClaim;

    GemmPool(int threads, String namePrefix) {
        this(threads, namePrefix, null);
    }

    GemmPool(int threads, String namePrefix, Runnable beforeClaim) {
        this.beforeClaim = beforeClaim;
        workers = new Worker[threads - 1];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Worker(this, namePrefix + (t + 1));
            workers[t].start();
        }
    }

    int threads() {
        return workers.length + 1;
    }

    /** Runs the product split across the pool; false (nothing done) if another caller holds it. */
    boolean run(GemmKernel kernel, int form, float[] a, float[] b, float[] c, int m, int k, int n, Workspace ws) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            int parts = threads();
            int pw = kernel.panelWidth();
            int panels = (n + pw - 1) / pw;
            boolean splitK = splitsK(form, m, k, n, parts);
            // Otherwise A·B and A·Bᵀ split by columns, so each B panel is packed once. Aᵀ·B splits rows
            // (each thread packs all of B, the smaller operand here, unless B is larger): the rows of Aᵀ
            // are the batch's columns, which each core gathered itself, and the weight-gradient rows the
            // optimizer then updates on that core.
            boolean byCols = panels >= parts && (form != GemmKernel.TN || m < n || m < 4 * parts * ROW_ALIGN);
            int tiles = (m + ROW_ALIGN - 1) / ROW_ALIGN;
            caller = Thread.currentThread();
            pending.set(workers.length);
            Throwable own = null;
            for (int t = parts - 1; t >= 0; t--) {
                int i0 = 0, i1 = m, j0 = 0, j1 = n, p0 = 0, p1 = k;
                if (splitK) {
                    p0 = kShare(k, t, parts);
                    p1 = kShare(k, t + 1, parts);
                } else if (byCols) {
                    j0 = Math.min(n, panels * t / parts * pw);
                    j1 = t == parts - 1 ? n : Math.min(n, panels * (t + 1) / parts * pw);
                } else {
                    // Whole tiles per share, as even as they divide, so only the last share has a short tile.
                    i0 = Math.min(m, tiles * t / parts * ROW_ALIGN);
                    i1 = t == parts - 1 ? m : Math.min(m, tiles * (t + 1) / parts * ROW_ALIGN);
                }
                if (t > 0) {
                    workers[t - 1].publish(kernel, form, a, b, c, m, k, n, i0, i1, j0, j1, p0, p1, splitK);
                } else if (i1 > i0 && j1 > j0) {
                    try {
                        kernel.compute(form, a, b, c, m, k, n, i0, i1, j0, j1, p0, p1, ws);
                    } catch (RuntimeException | Error e) {
                        own = e;
                    }
                }
            }
            // Even when our share failed: the workers must be idle before the next caller reuses them.
            awaitWorkers(ws);
            rethrow(own);
            if (splitK) {
                // Summed in parallel too: on the caller alone this was the largest serial pass of a step.
                sumPartials.c = c;
                if (m * n >= parts * SUM_MIN_PER_THREAD) {
                    runShares(m * n, sumPartials);
                } else {
                    sumPartials.run(0, m * n);
                }
                sumPartials.c = null;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A·B with a long k and a small C is split along k, each thread summing its own rows of B (and the
     * matching columns of A) into its own copy of C, which the caller then adds up. The point is where
     * the data lives: the optimizer updates each parameter in the same contiguous shares, and the batch
     * is gathered in the same column shares, so every core reads the half of the first layer's weights
     * it has just updated, from its own cache (the k shares are cut on 8 rows, the others on 16 floats, so
     * the halves of 784 meet at 392 and 384: near enough). Split by columns, each core read the other core's half
     * of the 784 × 256 kernel every step.
     */
    static boolean splitsK(int form, int m, int k, int n, int parts) {
        return form == GemmKernel.NN && parts > 1 && k >= n && k >= parts * SPLIT_K_MIN_SHARE
                && m >= ROW_ALIGN && (long) m * n <= SPLIT_K_MAX_C;
    }

    static void addInto(float[] c, float[] partial, int size) {
        for (int i = 0; i < size; i++) {
            c[i] += partial[i];
        }
    }

    /**
     * Runs {@code task} over [0, n) in one contiguous share per thread (shares start on 16-float
     * boundaries so two threads never write the same cache line); false if another caller holds the pool.
     */
    boolean runRange(int n, Parallel.RangeTask task) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            runShares(n, task);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Under the pool lock: one contiguous share of [0, n) per thread, the first on the caller. */
    private void runShares(int n, Parallel.RangeTask task) {
        int parts = threads();
        caller = Thread.currentThread();
        pending.set(workers.length);
        for (int t = 1; t < parts; t++) {
            workers[t - 1].publishRange(task, share(n, t, parts), share(n, t + 1, parts));
        }
        Throwable own = null;
        try {
            task.run(0, share(n, 1, parts));
        } catch (RuntimeException | Error e) {
            own = e;
        }
        awaitWorkers(null);
        rethrow(own);
    }

    /** c[i] += each worker's partial[i], workers in order: the same bits as the caller adding them alone. */
    private final class PartialSum implements Parallel.RangeTask {
        float[] c;

        @Override
        public void run(int from, int to) {
            for (Worker w : workers) {
                float[] p = w.partial;
                for (int i = from; i < to; i++) {
                    c[i] += p[i];
                }
            }
        }
    }

    /**
     * Start of k share {@code t} of a k split, on 8-row boundaries: each thread writes only its own copy of
     * C, so the shares need not keep threads off each other's cache lines, and 784 then splits 392 + 392
     * instead of 384 + 400 (the second core had 4% more of the largest product), at the row where the
     * optimizer's 16-float shares of the 784 × 256 kernel meet as well.
     */
    static int kShare(int k, int t, int parts) {
        return t >= parts ? k : Math.min(k, (int) ((long) k * t / parts) & ~7);
    }

    /** Start of share {@code t} of [0, n) in {@code parts}: on 16-float boundaries, as every split but a k split is. */
    static int share(int n, int t, int parts) {
        return t >= parts ? n : Math.min(n, (int) ((long) n * t / parts) & ~15);
    }

    private void rethrow(Throwable own) {
        if (own instanceof RuntimeException re) {
            throw re;
        } else if (own != null) {
            throw (Error) own;
        }
        for (Worker w : workers) {
            Throwable failure = w.failure;
            if (failure != null) {
                w.failure = null;
                throw new IllegalStateException("worker failed", failure);
            }
        }
    }

    /**
     * Takes over every share whose worker has not started it, then waits for the rest. On a host with
     * more runnable threads than cores (a server's other work, other tenants) a worker is often
     * descheduled when its share arrives, and the caller used to spin or park until it ran again: with
     * a hand-off per product, a training step took 5× its time whenever a third process was busy. The
     * share is the same range either way, so who computes it never changes a bit.
     */
    private void awaitWorkers(Workspace scratch) {
        for (Worker w : workers) {
            if (w.claim()) {
                w.runShare(scratch);
                pending.decrementAndGet();
            }
        }
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (pending.get() != 0) {
            if (System.nanoTime() < deadline) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void done() {
        if (pending.decrementAndGet() == 0) {
            LockSupport.unpark(caller);
        }
    }

    /**
     * How long a worker spins before parking. Longer, up to {@link #SPIN_MAX_NANOS}, while hand-offs keep
     * arriving soon after it parked (a training step's serial stretches); only {@link #SPIN_NANOS} while
     * the caller takes over an eighth or more of its shares: the worker is then being descheduled, because
     * something else wants the cores, and spinning would take more from it. With a busy third process, a
     * fixed 150 µs spin made epochs 0.80-0.85 s against 0.58; quiet, 0.2-4% of the shares are taken over
     * at the longer spin, busy 40-60%. Used by its worker thread only.
     */
    static final class SpinPolicy {
        private long spin = SPIN_NANOS;
        private int handoffs;
        private int stolen;
        private boolean contended;

        long nanos() {
            return spin;
        }

        /**
         * @param published shares published since the worker last looked: more than one means the caller
         *                  took over the earlier ones while the worker was not running
         * @param claimed   whether the worker got the latest one
         * @param idleNanos how long it was parked before the hand-off arrived, or -1 if it never parked
         */
        void update(int published, boolean claimed, long idleNanos) {
            stolen += published - (claimed ? 1 : 0);
            handoffs += published;
            if (handoffs >= CONTENTION_WINDOW) {
                contended = stolen * 8 >= handoffs;
                handoffs = 0;
                stolen = 0;
            }
            if (contended) {
                spin = SPIN_NANOS;
            } else if (idleNanos >= 0 && idleNanos < SPIN_MAX_NANOS) {
                spin = Math.min(SPIN_MAX_NANOS, spin * 2);
            }
        }
    }

    private static final class Worker extends Thread {
        private final GemmPool pool;
        private final Workspace ws = Workspace.forWorker();
        private volatile int seq;
        /** 0 while the published share is unclaimed; the worker and a waiting caller race to set it. */
        private final AtomicInteger claimed = new AtomicInteger(1);
        private volatile boolean parked;
        private final SpinPolicy spins = new SpinPolicy();
        volatile Throwable failure;
        private GemmKernel kernel;
        private Parallel.RangeTask range;
        private int form, m, k, n, i0, i1, j0, j1, p0, p1;
        private boolean splitK;
        private float[] a, b, c;
        /** This worker's share of the last k-split product; read by the caller after the hand-back. */
        float[] partial;

        Worker(GemmPool pool, String name) {
            super(name);
            this.pool = pool;
            setDaemon(true);
        }

        /** Caller side, under the pool lock: the volatile seq write publishes the plain fields. */
        void publish(GemmKernel kernel, int form, float[] a, float[] b, float[] c, int m, int k, int n,
                     int i0, int i1, int j0, int j1, int p0, int p1, boolean splitK) {
            this.kernel = kernel;
            this.range = null;
            this.form = form;
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.i0 = i0;
            this.i1 = i1;
            this.j0 = j0;
            this.j1 = j1;
            this.p0 = p0;
            this.p1 = p1;
            this.splitK = splitK;
            wake();
        }

        /** Caller side, under the pool lock. */
        void publishRange(Parallel.RangeTask task, int from, int to) {
            this.range = task;
            this.i0 = from;
            this.i1 = to;
            wake();
        }

        private void wake() {
            claimed.set(0);
            seq = seq + 1;
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                long deadline = System.nanoTime() + spins.nanos();
                long parkedAt = 0;
                while (seq == seen) {
                    if (parkedAt == 0) {
                        long now = System.nanoTime();
                        if (now < deadline) {
                            Thread.onSpinWait();
                            continue;
                        }
                        parkedAt = now;
                    }
                    parked = true;
                    if (seq == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
                int published = seq - seen;
                seen += published;
                if (pool.beforeClaim != null) {
                    pool.beforeClaim.run();
                }
                boolean mine = claim();
                spins.update(published, mine, parkedAt == 0 ? -1 : System.nanoTime() - parkedAt);
                if (mine) {
                    runShare(ws);
                    pool.done();
                }
            }
        }

        /** True for the one thread, this worker or the waiting caller, that is to compute the published share. */
        boolean claim() {
            return claimed.compareAndSet(0, 1);
        }

        /**
         * Computes the published share, packing in {@code scratch}; a k split's partial C always goes to
         * this worker's buffer, where the caller's sum reads it.
         */
        void runShare(Workspace scratch) {
            try {
                if (range != null) {
                    if (i1 > i0) {
                        range.run(i0, i1);
                    }
                } else if (i1 > i0 && j1 > j0) {
                    float[] target = c;
                    if (splitK) {
                        partial = ws.partial(m * n);
                        target = partial;
                    }
                    kernel.compute(form, a, b, target, m, k, n, i0, i1, j0, j1, p0, p1, scratch);
                }
            } catch (Throwable e) {
                failure = e;
            }
            a = b = c = null;
            range = null;
        }
    }
}
