package io.widrow.jobs.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TrainingThreadPoolTest {

    /** Field 19 of /proc/thread-self/stat is the calling task's nice value. */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    @Test
    void workersRunNicedAndThreadsTheyStartInheritIt() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "needs Linux /proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")),
                "needs renice (util-linux)");
        int before = niceOfThisThread();
        TrainingThreadPool pool = new TrainingThreadPool();
        pool.setThreadCount(1);
        pool.setNiceness(7);
        pool.initialize();
        try {
            CompletableFuture<int[]> seen = new CompletableFuture<>();
            pool.runInThread(() -> {
                try {
                    int worker = niceOfThisThread();
                    CompletableFuture<Integer> child = new CompletableFuture<>();
                    Thread t = new Thread(() -> {
                        try {
                            child.complete(niceOfThisThread());
                        } catch (Exception e) {
                            child.completeExceptionally(e);
                        }
                    });
                    t.start();
                    seen.complete(new int[] {worker, child.get(10, TimeUnit.SECONDS)});
                } catch (Exception e) {
                    seen.completeExceptionally(e);
                }
            });
            int[] nice = seen.get(30, TimeUnit.SECONDS);
            assertThat(nice[0]).isEqualTo(Math.min(19, before + 7));
            assertThat(nice[1]).isEqualTo(nice[0]);
            assertThat(niceOfThisThread()).as("only the worker, not the process").isEqualTo(before);
        } finally {
            pool.shutdown(true);
        }
    }
}
