package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Results split over the pool are the same bits whether the pool was free or busy with another caller
 * (two jobs training at once on one node), so a run's weights never depend on what else was running.
 */
class SplitDeterminismTest {
    @Test
    void aProductSplitAlongKIsTheSameBitsWhenThePoolIsBusy() throws Exception {
        assumeTrue(GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        GemmEngine engine = GemmEngine.create("vector", 2);
        // Not 784: split 392 + 392 it sums in the very blocks one thread uses (2 × 392), the same bits
        // anyway. 600 splits 296 + 304 against one thread's 2 × 300.
        int m = 128, k = 600, n = 256;
        assertThat(GemmPool.splitsK(GemmKernel.NN, m, k, n, 2)).isTrue();
        float[][] ab = operands(5, m, k, n);
        float[] a = ab[0], b = ab[1];
        float[] alone = new float[m * n];
        engine.multiply(GemmKernel.NN, a, b, alone, m, k, n);
        float[] unsplit = new float[m * n];
        GemmEngine.create("vector", 1).multiply(GemmKernel.NN, a, b, unsplit, m, k, n);
        assertThat(unsplit).as("the split really changes the summation order").isNotEqualTo(alone);

        AtomicInteger mismatches = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] callers = new Thread[3];
        for (int t = 0; t < callers.length; t++) {
            callers[t] = new Thread(() -> {
                float[] c = new float[m * n];
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    engine.multiply(GemmKernel.NN, a, b, c, m, k, n);
                    if (!java.util.Arrays.equals(c, alone)) {
                        mismatches.incrementAndGet();
                    }
                }
            });
            callers[t].start();
        }
        start.countDown();
        for (Thread t : callers) {
            t.join();
        }
        assertThat(mismatches).hasValue(0);
    }

    /** Seeded random A (m×k) and B (k×n). */
    private static float[][] operands(long seed, int m, int k, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        return new float[][] {GemmEngineTest.random(rnd, m * k), GemmEngineTest.random(rnd, k * n)};
    }

    @Test
    void aThreadOnTheBackgroundPoolGetsTheSameBits() throws Exception {
        assumeTrue(GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        GemmEngine engine = GemmEngine.create("vector", 2);
        int m = 128, k = 600, n = 256;
        float[][] ab = operands(6, m, k, n);
        float[] a = ab[0], b = ab[1];
        float[] shared = new float[m * n];
        engine.multiply(GemmKernel.NN, a, b, shared, m, k, n);
        long helpersBefore = backgroundHelpers();
        float[] background = new float[m * n];
        Thread t = new Thread(() -> {
            engine.joinBackground();
            engine.multiply(GemmKernel.NN, a, b, background, m, k, n);
        });
        t.start();
        t.join();
        assertThat(background).isEqualTo(shared);
        assertThat(backgroundHelpers()).as("helpers this engine started for the joining thread").isEqualTo(helpersBefore + 1);
    }

    private static long backgroundHelpers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("widrow-gemm-bg-1")).count();
    }

    @Test
    void aSharedSumOfSquaresIsTheSameBitsWhenThePoolIsBusy() throws Exception {
        float[] v = GemmEngineTest.random(new SplittableRandom(9), 200_704);
        double alone = Elementwise.sumOfSquaresShared(v, v.length);
        AtomicInteger mismatches = new AtomicInteger();
        Thread[] callers = new Thread[3];
        for (int t = 0; t < callers.length; t++) {
            callers[t] = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    if (Elementwise.sumOfSquaresShared(v, v.length) != alone) {
                        mismatches.incrementAndGet();
                    }
                }
            });
            callers[t].start();
        }
        for (Thread t : callers) {
            t.join();
        }
        assertThat(mismatches).hasValue(0);
        assertThat(alone).isCloseTo(Elementwise.sumOfSquares(v, v.length), org.assertj.core.api.Assertions.within(1e-6 * alone));
    }
}
