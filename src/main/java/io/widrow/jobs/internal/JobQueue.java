package io.widrow.jobs.internal;

import java.util.UUID;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cluster-wide queue: one non-durable Quartz job per training job, carrying only the job id.
 * Scheduling must happen outside any transaction: inside one, the worker is signalled before commit, finds
 * nothing, and sleeps a full idleWaitTime (see quartz-notes.md).
 */
@Component
class JobQueue {
    static final String GROUP = "widrow-jobs";
    static final String JOB_ID = "jobId";
    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    /**
     * How far one priority level back-dates a trigger. Quartz hands out due triggers oldest fire time
     * first and uses its own priority only to break exact ties, so the priority is folded into the fire
     * time: a job of priority p is due as if submitted (p + 1000) days ago. Higher priority therefore
     * runs first, and equal priorities run in submission order, for any job that waited less than a day.
     * The misfire threshold (application.properties) is set beyond the largest back-dating so Quartz
     * never treats these triggers as misfired.
     */
    static final long PRIORITY_STEP_MS = java.time.Duration.ofDays(1).toMillis();
    static final int MIN_PRIORITY = -1000;

    private final Scheduler scheduler;

    JobQueue(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void enqueue(UUID jobId, int priority) throws SchedulerException {
        enqueue(jobId, priority, System.currentTimeMillis());
    }

    /**
     * Queues a job again (suspended, retried or orphaned) at the place it had when first submitted
     * ({@code queuedSinceMillis}). If Quartz still holds the job (its current run is finishing), a second trigger
     * is added; a duplicate trigger is harmless because a fire only starts a QUEUED job.
     */
    void enqueue(UUID jobId, int priority, long queuedSinceMillis) throws SchedulerException {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("schedule training jobs after commit, not inside a transaction");
        }
        JobDetail detail = JobBuilder.newJob(TrainingJob.class)
                .withIdentity(jobId.toString(), GROUP)
                .usingJobData(JOB_ID, jobId.toString())
                // A node dying mid-run hands the job to a survivor instead of leaving it RUNNING forever.
                .requestRecovery(true)
                .storeDurably(false)
                .build();
        TriggerBuilder<Trigger> trigger = TriggerBuilder.newTrigger()
                .withPriority(priority)
                .startAt(dueTime(priority, queuedSinceMillis));
        try {
            scheduler.scheduleJob(detail, trigger.withIdentity(jobId.toString(), GROUP).build());
        } catch (ObjectAlreadyExistsException e) {
            scheduler.scheduleJob(trigger.withIdentity(jobId + "-" + UUID.randomUUID(), GROUP)
                    .forJob(detail.getKey()).build());
        }
    }

    /** Whether Quartz still has the job: a trigger waiting, firing, or a dead node's run awaiting recovery. */
    boolean holds(UUID jobId) throws SchedulerException {
        return scheduler.checkExists(JobKey.jobKey(jobId.toString(), GROUP));
    }

    static java.util.Date dueTime(int priority, long now) {
        return new java.util.Date(now - (long) (priority - MIN_PRIORITY) * PRIORITY_STEP_MS);
    }

    /** Best effort: the job row is already CANCELLED, so a trigger that fires anyway finds nothing to do. */
    void remove(UUID jobId) {
        try {
            scheduler.unscheduleJob(TriggerKey.triggerKey(jobId.toString(), GROUP));
            scheduler.deleteJob(JobKey.jobKey(jobId.toString(), GROUP));
        } catch (SchedulerException e) {
            log.warn("Could not unschedule cancelled job {}: {}", jobId, e.getMessage());
        }
    }
}
