package io.widrow.jobs.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No job is left QUEUED or RUNNING forever. Quartz recovers the runs of a node that died (its fired triggers
 * survive it); what Quartz no longer holds at all is an orphan: a run that ended without being able to record
 * its end (the database was down for longer than the runner waited), or a job put back in the queue whose new
 * trigger could not be stored. On start and then every {@value #PERIOD_SECONDS} s, each node puts such jobs
 * back in the queue (they resume from their checkpoints) and drops checkpoints of jobs that have ended.
 */
@Component
class OrphanedJobs implements DisposableBean {
    static final long PERIOD_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(OrphanedJobs.class);

    private final RunStore store;
    private final LocalRuns runs;
    private final JobQueue queue;
    private final TransactionTemplate tx;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-reconcile");
        t.setDaemon(true);
        return t;
    });

    OrphanedJobs(RunStore store, LocalRuns runs, JobQueue queue, TransactionTemplate tx) {
        this.store = store;
        this.runs = runs;
        this.queue = queue;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::reconcileSafely, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void reconcileSafely() {
        try {
            reconcile();
        } catch (Exception e) {
            log.warn("Could not reconcile jobs with the queue (will try again): {}", e.getMessage());
        }
    }

    /** Returns how many jobs it queued again. */
    int reconcile() throws org.quartz.SchedulerException {
        int requeued = 0;
        for (RunStore.Live job : store.live()) {
            if (runs.running(job.id()) || queue.holds(job.id())) {
                continue;
            }
            boolean queued = job.status() == JobStatus.QUEUED
                    || Boolean.TRUE.equals(tx.execute(s -> store.requeue(job.id(), job.attempt())));
            if (queued) {
                log.warn("Job {} was {} but nothing was going to run it; queued again", job.id(), job.status());
                queue.enqueue(job.id(), job.priority(), job.createdAt().toEpochMilli());
                requeued++;
            }
        }
        store.deleteFinishedCheckpoints();
        return requeued;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
