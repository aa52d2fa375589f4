package io.widrow.jobs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.widrow.engine.tensor.Gemm;
import org.quartz.simpl.SimpleThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz's worker pool (sized by widrow.workers) whose threads run at a raised nice value, so a CPU-bound training
 * job yields to request threads: on a machine with as many busy trainers as cores, status, metrics and predict
 * requests still get the CPU first. Java thread priorities are ignored on Linux, but each Java thread is a kernel
 * task whose niceness can be raised on its own (lowering it again would need privileges, raising never does). A
 * reniced worker then multiplies on the engine's background GEMM helpers, which the first such worker starts, so they
 * inherit its nice value; predictions on request threads keep the normal-priority helpers. Elsewhere, or without {@code renice}, the pool runs as a plain
 * SimpleThreadPool and says so once.
 *
 * <p>Public with a no-argument constructor because Quartz instantiates it by name from
 * {@code org.quartz.threadPool.class}; {@code niceness} arrives the same way ({@code org.quartz.threadPool.niceness}).
 */
public class TrainingThreadPool extends SimpleThreadPool {
    private static final Logger log = LoggerFactory.getLogger(TrainingThreadPool.class);
    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static volatile boolean warned;

    private int niceness = 10;

    public void setNiceness(int niceness) {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("org.quartz.threadPool.niceness must be in [0, 19], got " + niceness);
        }
        this.niceness = niceness;
    }

    public int getNiceness() {
        return niceness;
    }

    @Override
    public boolean runInThread(Runnable runnable) {
        return super.runInThread(() -> {
            if (niceness > 0 && !LOWERED.get()) {
                LOWERED.set(Boolean.TRUE);
                if (lowerCurrentThread(niceness)) {
                    Gemm.useBackgroundWorkers();
                }
            }
            runnable.run();
        });
    }

    /** {@code renice} the calling thread's kernel task; /proc/thread-self names it. */
    static boolean lowerCurrentThread(int niceness) {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            String tid = self.getFileName().toString();
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                log.debug("Training thread {} (task {}) now runs at nice {}", Thread.currentThread().getName(), tid, niceness);
                return true;
            }
            p.destroyForcibly();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc (not Linux) or no renice: fall through to the one-time note
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!warned) {
            warned = true;
            log.info("Training threads run at normal priority: could not renice them on this system");
        }
        return false;
    }
}
