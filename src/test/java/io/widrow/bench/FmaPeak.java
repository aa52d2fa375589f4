package io.widrow.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's fp32 FMA ceiling as Java sees it: twelve independent vector accumulators, more than
 * latency × ports, so the loop is throughput-bound like a perfect GEMM micro-kernel. The accumulator is
 * the addend ({@code x.fma(y, acc)}), the form C2 compiles best: with it as the multiplicand the loop
 * measured 15–20% under the C reference in ../shared/bench/fma_peak.c, which flattered every ratio.
 */
final class FmaPeak {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static volatile float sink;

    private FmaPeak() {
    }

    /** FLOPs done by one {@link #spin} call. */
    static double flops(long iters) {
        return iters * 12.0 * S.length() * 2;
    }

    static void spin(long iters) {
        FloatVector x = FloatVector.broadcast(S, 0.999f);
        FloatVector y = FloatVector.broadcast(S, 1e-7f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        FloatVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iters; i++) {
            a0 = x.fma(y, a0);
            a1 = x.fma(y, a1);
            a2 = x.fma(y, a2);
            a3 = x.fma(y, a3);
            a4 = x.fma(y, a4);
            a5 = x.fma(y, a5);
            a6 = x.fma(y, a6);
            a7 = x.fma(y, a7);
            a8 = x.fma(y, a8);
            a9 = x.fma(y, a9);
            a10 = x.fma(y, a10);
            a11 = x.fma(y, a11);
        }
        sink = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /**
     * Prints the two-thread figures, FMA GFLOP/s and cache GB/s: {@code bench/run-train.sh} probes the
     * machine with them before each system's run, since this host's speed drifts with its other tenants,
     * invisibly from inside the VM (no steal time is reported), and a ratio is only fair between runs
     * that met the same machine.
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.printf(java.util.Locale.ROOT, "%.1f %.1f%n", measure(2), cacheReads(2));
    }

    /**
     * GB/s of vector reads from a 1 MiB array per thread (half a core's L2 on the Xeon host, all of it on
     * the AMD one), on {@code threads} threads at once: a working set like a GEMM share's, where the FMA
     * loop touches no memory. On the Xeon neither probe moved with the engine's slow runs (see
     * docs/performance-history.md): those spells hit one vCPU at a time, and a second-long probe catches
     * them only by chance.
     */
    static double cacheReads(int threads) throws InterruptedException {
        int passes = 2_000;
        float[] small = new float[4_096];
        for (int i = 0; i < 3_000; i++) {
            readPasses(small, 4); // compiled whole before the timed threads start, as in measure
        }
        double best = 0;
        for (int rep = 0; rep < 4; rep++) {
            Thread[] ts = new Thread[threads];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                ts[t] = new Thread(() -> readPasses(new float[1 << 18], passes));
                ts[t].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            double s = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, threads * passes * 4.0 * (1 << 18) / s / 1e9);
        }
        return best;
    }

    /** The sums restart per pass: vectors carried across both loops were boxed (JDK 17), at 4 GB/s. */
    private static void readPasses(float[] a, int passes) {
        java.util.Arrays.fill(a, 1e-3f);
        float total = 0;
        int step = 4 * S.length();
        for (int p = 0; p < passes; p++) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int i = 0; i + step <= a.length; i += step) {
                s0 = FloatVector.fromArray(S, a, i).add(s0);
                s1 = FloatVector.fromArray(S, a, i + S.length()).add(s1);
                s2 = FloatVector.fromArray(S, a, i + 2 * S.length()).add(s2);
                s3 = FloatVector.fromArray(S, a, i + 3 * S.length()).add(s3);
            }
            total += s0.add(s1).add(s2).add(s3).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        }
        sink = total;
    }

    /** GFLOP/s summed over {@code threads} threads spinning at once. */
    static double measure(int threads) throws InterruptedException {
        long iters = 20_000_000;
        for (int i = 0; i < 2_000; i++) {
            spin(10_000); // a full C2 compile, not only an OSR one, before the timed threads start
        }
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
            Thread[] ts = new Thread[threads];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                ts[t] = new Thread(() -> spin(iters));
                ts[t].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            double s = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, threads * flops(iters) / s / 1e9);
        }
        return best;
    }
}
