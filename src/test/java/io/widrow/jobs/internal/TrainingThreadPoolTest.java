package io.widrow.jobs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.widrow.engine.tensor.Gemm;
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

    /** The kernel tasks of this JVM whose name (as the kernel truncates it, 15 characters) is {@code comm}. */
    private static List<Path> tasksNamed(String comm) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(t.resolve("comm")).strip().equals(comm)) {
                        found.add(t);
                    }
                } catch (IOException gone) {
                    // the thread ended while we listed
                }
            }
        }
        return found;
    }

    private static String[] stat(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    @Test
    void aNicedWorkerMultipliesOnHelpersThatRunAtItsNiceValue() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "needs Linux /proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")),
                "needs renice (util-linux)");
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1 && !Gemm.implementation().endsWith("x1 thread"),
                "needs a multi-threaded engine");
        int before = niceOfThisThread();
        int m = 128, k = 784, n = 256;
        float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        Gemm.matmul(a, b, c, m, k, n);
        TrainingThreadPool pool = new TrainingThreadPool();
        pool.setThreadCount(1);
        pool.setNiceness(5);
        pool.initialize();
        try {
            // Other tests may have built engines of their own: the helpers that count are those that work
            // while this niced thread multiplies.
            CompletableFuture<List<Integer>> busyHelperNices = new CompletableFuture<>();
            pool.runInThread(() -> {
                try {
                    Gemm.matmul(a, b, c, m, k, n);
                    List<Path> helpers = tasksNamed("widrow-gemm-bg-");
                    long[] cpu0 = new long[helpers.size()];
                    for (int i = 0; i < cpu0.length; i++) {
                        cpu0[i] = Long.parseLong(stat(helpers.get(i))[11]) + Long.parseLong(stat(helpers.get(i))[12]);
                    }
                    long t0 = System.nanoTime();
                    while (System.nanoTime() - t0 < 300_000_000L) {
                        Gemm.matmul(a, b, c, m, k, n);
                    }
                    List<Integer> nices = new ArrayList<>();
                    for (int i = 0; i < cpu0.length; i++) {
                        String[] st = stat(helpers.get(i));
                        if (Long.parseLong(st[11]) + Long.parseLong(st[12]) > cpu0[i]) {
                            nices.add(Integer.parseInt(st[16]));
                        }
                    }
                    busyHelperNices.complete(nices);
                } catch (Throwable e) {
                    busyHelperNices.completeExceptionally(e);
                }
            });
            List<Integer> nices = busyHelperNices.get(60, TimeUnit.SECONDS);
            assertThat(nices).as("nice values of the background helpers that worked for the niced thread").isNotEmpty()
                    // started by the first niced thread that multiplied: this one, or an earlier job in this JVM
                    .allSatisfy(nice -> assertThat(nice).isGreaterThan(before));
            assertThat(c[0]).isEqualTo(0.5f * 0.25f * k);
        } finally {
            pool.shutdown(true);
        }
    }
}
