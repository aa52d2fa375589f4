package io.widrow.jobs.internal;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine asks this once per batch, so it must be nearly free: the local flag and the deadline are memory
 * reads; the database (for a cancel that landed on another node) is asked at most every 500 ms.
 * Used by the single training thread only.
 */
final class Cancellation implements BooleanSupplier {
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final Logger log = LoggerFactory.getLogger(Cancellation.class);

    private final UUID jobId;
    private final LocalRuns.Run run;
    private final JobStore store;
    private final long deadline;
    private long nextPoll;
    private boolean timedOut;

    Cancellation(UUID jobId, LocalRuns.Run run, JobStore store, long startNanos, int maxRuntimeSeconds) {
        this.jobId = jobId;
        this.run = run;
        this.store = store;
        this.deadline = startNanos + TimeUnit.SECONDS.toNanos(maxRuntimeSeconds);
        this.nextPoll = startNanos;
    }

    @Override
    public boolean getAsBoolean() {
        if (run.cancelled()) {
            return true;
        }
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            timedOut = true;
            return true;
        }
        if (now - nextPoll >= 0) {
            nextPoll = now + POLL_NANOS;
            try {
                if (store.cancelRequested(jobId)) {
                    run.cancel();
                    return true;
                }
            } catch (RuntimeException e) {
                // A database hiccup must not kill a healthy run; the next poll tries again.
                log.warn("Could not poll the cancel flag of job {}: {}", jobId, e.getMessage());
            }
        }
        return false;
    }

    boolean timedOut() {
        return timedOut;
    }
}
