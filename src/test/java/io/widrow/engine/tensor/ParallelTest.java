package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Element-wise range tasks on the GEMM pool: every index exactly once, failures surface, pool reusable. */
class ParallelTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyIndexRunsExactlyOnce(int threads) {
        GemmEngine engine = GemmEngine.create("portable", threads);
        for (int n : new int[] {0, 1, 15, 16, 17, 100, 4096, 65_537, 200_704}) {
            int[] hits = new int[n];
            AtomicInteger calls = new AtomicInteger();
            engine.forRange(n, 1, (from, to) -> {
                calls.incrementAndGet();
                for (int i = from; i < to; i++) {
                    hits[i]++;
                }
            });
            for (int i = 0; i < n; i++) {
                assertThat(hits[i]).as("n=%d index %d", n, i).isEqualTo(1);
            }
            assertThat(calls.get()).isLessThanOrEqualTo(threads);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void smallRangesStayOnTheCaller(int threads) {
        GemmEngine engine = GemmEngine.create("portable", threads);
        Thread caller = Thread.currentThread();
        engine.forRange(1000, 1000, (from, to) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            assertThat(from).isZero();
            assertThat(to).isEqualTo(1000);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aFailingShareIsRethrownAndThePoolStillWorks(int threads) {
        GemmEngine engine = GemmEngine.create("portable", threads);
        assertThatThrownBy(() -> engine.forRange(100_000, 1, (from, to) -> {
            if (to == 100_000) {
                throw new IllegalArgumentException("boom at " + from);
            }
        })).hasStackTraceContaining("boom at");
        int[] sum = new int[1];
        engine.forRange(10, 1, (from, to) -> {
            synchronized (sum) {
                sum[0] += to - from;
            }
        });
        assertThat(sum[0]).isEqualTo(10);
    }
}
