package io.widrow.jobs.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The engine asks this once per batch, so it must be nearly free: two volatile reads and the deadline. The
 * flags are set by a local cancel, by {@link RunSync} (a cancel that landed on another node, or the job taken
 * over by another run), so nothing here touches the database. Used by the single training thread only.
 */
final class Cancellation implements BooleanSupplier {
    private final LocalRuns.Run run;
    private final long deadline;
    private boolean timedOut;

    Cancellation(LocalRuns.Run run, long startNanos, int maxRuntimeSeconds) {
        this.run = run;
        this.deadline = startNanos + TimeUnit.SECONDS.toNanos(maxRuntimeSeconds);
    }

    @Override
    public boolean getAsBoolean() {
        if (run.cancelled() || run.lost()) {
            return true;
        }
        if (System.nanoTime() - deadline >= 0) {
            timedOut = true;
            return true;
        }
        return false;
    }

    boolean timedOut() {
        return timedOut;
    }
}
