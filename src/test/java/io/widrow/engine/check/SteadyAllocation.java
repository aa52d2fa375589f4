package io.widrow.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Asserts that warmed-up code allocates nothing on the calling thread, judged by the quietest of several
 * windows. One window can catch the JIT recompiling a kernel that other threads' shapes have just
 * deoptimized (in the full suite, other tests' jobs train at the same time), and a kernel running outside
 * C2 boxes its vectors: in CI one window of GEMM calls saw 42 MB, and a probe with a second thread
 * multiplying other shapes saw 290-650 MB in the first window and nothing from the third on. An
 * allocation per call shows in every window.
 */
public final class SteadyAllocation {
    private static final int MAX_WINDOWS = 20;

    private SteadyAllocation() {
    }

    /**
     * Runs {@code window} until one run allocates fewer than {@code maxBytes} on this thread, at most
     * {@value #MAX_WINDOWS} times, and fails listing every window's bytes if none did. Skips the test on
     * a JVM that cannot count a thread's allocations.
     */
    public static void assertBelow(long maxBytes, Runnable window) {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean tb && tb.isThreadAllocatedMemorySupported(),
                "JVM cannot count a thread's allocations");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        long tid = Thread.currentThread().getId();
        List<Long> windows = new ArrayList<>();
        long fewest = Long.MAX_VALUE;
        while (windows.size() < MAX_WINDOWS && fewest >= maxBytes) {
            long before = mx.getThreadAllocatedBytes(tid);
            window.run();
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            windows.add(allocated);
            fewest = Math.min(fewest, allocated);
        }
        assertThat(fewest).as("bytes allocated per window: %s", windows).isLessThan(maxBytes);
    }
}
