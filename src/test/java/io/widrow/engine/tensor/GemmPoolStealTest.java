package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A caller that finishes its share while a worker has not started its own (descheduled on a busy host)
 * computes that share itself, with the same bits, and the late worker then finds nothing to do.
 */
class GemmPoolStealTest {
    private static volatile boolean holdBack;

    /** Workers sleep before claiming while {@link #holdBack} is set, as a descheduled thread would. */
    private static GemmPool pool() {
        return new GemmPool(2, "widrow-gemm-steal-test-", () -> {
            if (holdBack) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    @Test
    void aCallerRunsTheShareOfAWorkerThatHasNotStarted() {
        GemmPool pool = pool();
        holdBack = true;
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            int[] hits = new int[100_000];
            assertThat(pool.runRange(hits.length, (from, to) -> {
                threads.add(Thread.currentThread().getName());
                for (int i = from; i < to; i++) {
                    hits[i]++;
                }
            })).isTrue();
            assertThat(threads).containsExactly(Thread.currentThread().getName());
            assertThat(hits).containsOnly(1);
        } finally {
            holdBack = false;
        }
        // The held-back worker wakes to a share already taken; the pool must still split the next task.
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 400 && threads.size() < 2; round++) { // the held-back worker sleeps 300 ms first
            pool.runRange(100_000, (from, to) -> {
                threads.add(Thread.currentThread().getName());
                if (from == 0) {
                    sleepQuietly(5); // so the worker claims its own share before the caller could take it
                }
            });
        }
        assertThat(threads).hasSize(2);
    }

    @Test
    void aStolenShareGivesTheWorkersBits() {
        GemmKernel kernel = new PortableGemm();
        Rng rng = new Rng(7);
        // 128×784·784×256 splits along k into the workers' partial sums; 128×256·256×128 splits by columns.
        int[][] shapes = {{128, 784, 256}, {128, 256, 128}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) rng.nextGaussian();
            }
            float[] expected = new float[m * n];
            float[] stolen = new float[m * n];
            assertThat(pool().run(kernel, GemmKernel.NN, a, b, expected, m, k, n, new Workspace())).isTrue();
            GemmPool held = pool();
            holdBack = true;
            try {
                assertThat(held.run(kernel, GemmKernel.NN, a, b, stolen, m, k, n, new Workspace())).isTrue();
            } finally {
                holdBack = false;
            }
            assertThat(stolen).as("%d×%d×%d", m, k, n).containsExactly(expected);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
