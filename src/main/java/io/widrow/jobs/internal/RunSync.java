package io.widrow.jobs.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one thread per node that talks to the database for the runs training here, so training threads never
 * wait on it: every {@value #FLUSH_MILLIS} ms it writes each run's journal (epochs, checkpoint), and every
 * {@value #POLL_MILLIS} ms it reads each job's row to pass on a cancel sent to another node or to stop a run
 * whose job has been taken over. Failures are logged and retried on the next tick; the journals hold the data.
 */
@Component
class RunSync implements DisposableBean {
    static final long FLUSH_MILLIS = 100;
    static final long POLL_MILLIS = 500;
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger log = LoggerFactory.getLogger(RunSync.class);

    private final LocalRuns runs;
    private final RunStore runStore;
    private final JobStore jobs;
    private final TransactionTemplate tx;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-sync");
        t.setDaemon(true);
        return t;
    });
    private long nextPoll = System.nanoTime();
    private long nextWarning = System.nanoTime();

    RunSync(LocalRuns runs, RunStore runStore, JobStore jobs, TransactionTemplate tx) {
        this.runs = runs;
        this.runStore = runStore;
        this.jobs = jobs;
        this.tx = tx;
        thread.scheduleWithFixedDelay(this::tick, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long now = System.nanoTime();
        boolean poll = now - nextPoll >= 0;
        if (poll) {
            nextPoll = now + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
        }
        for (LocalRuns.Run run : runs.all()) {
            try {
                if (!run.journal().flush(runStore, jobs, tx)) {
                    lost(run);
                } else if (poll) {
                    control(run);
                }
            } catch (RuntimeException e) {
                // Most likely the database is unreachable: the journal keeps everything for the next tick.
                if (System.nanoTime() - nextWarning >= 0) {
                    nextWarning = System.nanoTime() + WARN_EVERY_NANOS;
                    log.warn("Could not sync job {} with the database (will keep trying): {}", run.id(),
                            e.getMessage());
                }
            }
        }
    }

    private void control(LocalRuns.Run run) {
        RunStore.Control c = runStore.control(run.id()).orElse(null);
        if (c == null || c.status() != JobStatus.RUNNING) {
            // Ended or back in the queue, normally by this run's own runner as it finishes.
            run.lose();
        } else if (c.attempt() != run.attempt()) {
            lost(run);
        } else if (c.cancelRequested()) {
            run.cancel();
        }
    }

    private static void lost(LocalRuns.Run run) {
        if (!run.lost()) {
            log.warn("Job {}: attempt {} no longer owns the job (it was recovered elsewhere); stopping it", run.id(),
                    run.attempt());
        }
        run.lose();
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
