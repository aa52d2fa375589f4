package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.widrow.engine.check.SteadyAllocation;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The training loop calls GEMM millions of times, from several jobs at once. */
class GemmSteadyStateTest {
    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({"portable,1", "portable,2", "vector,1", "vector,2"})
    void callsAfterWarmUpDoNotAllocate(String path, int threads) {
        assumeTrue(!path.equals("vector") || GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        GemmEngine engine = GemmEngineTest.engine(path, threads);
        SplittableRandom rnd = new SplittableRandom(3);
        // The three forms on a shape just above the parallel threshold, batch 1, and a ragged one.
        float[] a = GemmEngineTest.random(rnd, 128 * 128);
        float[] b = GemmEngineTest.random(rnd, 128 * 128);
        float[] c = new float[128 * 128];
        float[] x = GemmEngineTest.random(rnd, 128);
        float[] y = new float[128];
        Runnable round = () -> {
            engine.multiply(GemmKernel.NN, a, b, c, 128, 128, 128);
            engine.multiply(GemmKernel.TN, a, b, c, 128, 128, 128);
            engine.multiply(GemmKernel.NT, a, b, c, 128, 128, 128);
            engine.multiply(GemmKernel.NN, x, b, y, 1, 128, 128);
            engine.multiply(GemmKernel.NT, x, b, y, 1, 128, 128);
            engine.multiply(GemmKernel.TN, a, b, c, 13, 7, 29);
        };
        for (int i = 0; i < 1_500; i++) {
            round.run();
        }
        // One vector box or array per call would be ≥ 1200 × 64 bytes a window.
        SteadyAllocation.assertBelow(4_096, () -> {
            for (int i = 0; i < 200; i++) {
                round.run();
            }
        });
    }

    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({"portable,2", "vector,2", "vector,1"})
    void concurrentCallersOnDifferentDataGetTheirOwnResults(String path, int threads) throws Exception {
        assumeTrue(!path.equals("vector") || GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        GemmEngine engine = GemmEngineTest.engine(path, threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(3);
        Thread[] callers = new Thread[3];
        for (int t = 0; t < callers.length; t++) {
            int seed = t;
            callers[t] = new Thread(() -> {
                try {
                    SplittableRandom rnd = new SplittableRandom(100 + seed);
                    int m = 64 + seed * 7, k = 200 + seed, n = 96 + 13 * seed;
                    float[] a = GemmEngineTest.random(rnd, m * k);
                    float[] b = GemmEngineTest.random(rnd, k * n);
                    float[] c = new float[m * n];
                    start.await();
                    for (int i = 0; i < 60; i++) {
                        int form = i % 3;
                        engine.multiply(form, a, b, c, m, k, n);
                        GemmReference.check(form, a, b, c, m, k, n, "caller " + seed + " round " + i);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            callers[t].start();
        }
        for (Thread t : callers) {
            t.join();
        }
        assertThat(failure.get()).isNull();
    }
}
