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
