package io.widrow.jobs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.widrow.datasets.DatasetCatalog;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.train.CheckpointException;
import io.widrow.engine.train.Checkpointing;
import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.TrainingDivergedException;
import io.widrow.engine.train.TrainingResult;
import io.widrow.engine.train.TrainingSuspendedException;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import io.widrow.system.ApiException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one job on the calling (Quartz worker) thread. Re-entrant: it starts only if it can move the row from
 * QUEUED to RUNNING (or take over a dead node's RUNNING row on recovery), so duplicate fires do nothing. A run
 * starts from the job's checkpoint if there is one; it ends by finishing the job, by putting it back in the
 * queue (node shutting down, or an unexpected error with retries left), or silently when another run has
 * taken the job over. Over 200 lines because these endings share the run's state and its fencing.
 */
@Component
class JobRunner {
    static final String FAILED_TITLE = "Training failed";
    /** How long the writes that end a run wait for an unreachable database before giving up. */
    static final Duration OUTAGE_PATIENCE = Duration.ofMinutes(10);
    /** The same for a suspension, which must finish within the node's shutdown grace period. */
    static final Duration SUSPEND_PATIENCE = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final RunStore runStore;
    private final Resumption resumption;
    private final DatasetCatalog datasets;
    private final ObjectProvider<ModelRegistry> models;
    private final LocalRuns runs;
    private final JobQueue queue;
    private final JobPresenter presenter;
    private final JobMeters meters;
    private final TransactionTemplate tx;
    private final JobSnapshots snapshots;

    JobRunner(JobStore store, RunStore runStore, Resumption resumption, DatasetCatalog datasets,
              ObjectProvider<ModelRegistry> models, LocalRuns runs, JobQueue queue, JobPresenter presenter,
              JobMeters meters, TransactionTemplate tx, JobSnapshots snapshots) {
        this.store = store;
        this.runStore = runStore;
        this.resumption = resumption;
        this.datasets = datasets;
        this.models = models;
        this.runs = runs;
        this.queue = queue;
        this.presenter = presenter;
        this.meters = meters;
        this.tx = tx;
        this.snapshots = snapshots;
    }

    void run(UUID id, boolean recovering, String node) {
        if (runs.closing()) {
            // A trigger fired as the scheduler went to standby (a job this node just suspended, say): leave the
            // job QUEUED for another node or the next start instead of claiming it on a closing database.
            return;
        }
        JobRow job = store.find(id).orElse(null);
        // A recovery fire for a job this node is already running again is stale: the row names this node.
        if (job == null || job.status().terminal() || recovering && runs.running(id)) {
            return;
        }
        Integer attempt = tx.execute(s -> store.markRunning(id, node, recovering, Instant.now())
                ? store.find(id).map(JobRow::attempt).orElse(null) : null);
        if (attempt == null) {
            return;
        }
        long start = System.nanoTime();
        LocalRuns.Run run = runs.start(id, attempt);
        JobStatus end = null;
        try {
            end = train(job, run, start);
        } catch (TrainingSuspendedException e) {
            end = suspend(job, run, e);
        } catch (TrainingDivergedException | IllegalArgumentException | ApiException e) {
            // The client's spec or data is at fault: say why. Retrying would fail the same way.
            end = fail(run, e.getMessage());
        } catch (RuntimeException | Error e) {
            end = failedUnexpectedly(job, run, e);
        } finally {
            runs.end(id);
            if (end != null) {
                meters.jobFinished(end, System.nanoTime() - start);
            }
        }
    }

    /** Returns the job's new status, or null when another run owns the job now. */
    private JobStatus train(JobRow job, LocalRuns.Run run, long start) {
        UUID id = job.id();
        JobSpec spec = presenter.spec(job);
        SpecMapper.EngineSpecs specs = SpecMapper.toEngine(spec);
        Dataset train = datasets.load(job.datasetId());
        Dataset validation = job.validationDatasetId() == null ? null : datasets.load(job.validationDatasetId());
        Cancellation cancelled = new Cancellation(run, start, job.maxRuntimeSeconds());
        int every = spec.checkpointEvery() == null ? 1 : spec.checkpointEvery();
        Resumption.Start from = resumption.prepare(run);
        if (from == null) {
            return null;
        }
        Recorder recorder = new Recorder(run.journal(), job.epochs(), presenter, meters);
        TrainingOutcome outcome;
        JobSnapshots.Watch watch = snapshots.watch(id, train);
        // The training rows are this run's own copy, so they are standardized in place (held once) — unless the
        // console's final confusion matrix falls back to them for want of validation rows.
        boolean overwrite = validation != null;
        try {
            outcome = Training.train(specs.model(), specs.training(), train, validation, recorder, cancelled, watch,
                    checkpointing(run, every, from), overwrite);
        } catch (CheckpointException e) {
            // Rejected before any epoch ran, so the same recorder carries on.
            log.warn("Job {}: its checkpoint cannot be resumed ({}); training from epoch 1", id, e.getMessage());
            from = resumption.restart(run);
            if (from == null) {
                return null;
            }
            // The first attempt may already have standardized the training rows in place.
            Dataset fresh = overwrite ? datasets.load(job.datasetId()) : train;
            outcome = Training.train(specs.model(), specs.training(), fresh, validation, recorder, cancelled, watch,
                    checkpointing(run, every, from), overwrite);
        }
        return conclude(job, run, outcome, cancelled, watch);
    }

    private JobStatus conclude(JobRow job, LocalRuns.Run run, TrainingOutcome outcome, Cancellation cancelled,
                               JobSnapshots.Watch watch) {
        UUID id = job.id();
        // Every epoch is stored before the status says the job has ended, and the latest checkpoint too: should
        // storing the model fail, the retry resumes from there instead of training again. Ending deletes it.
        if (run.lost() || !drain(run, OUTAGE_PATIENCE)) {
            return null;
        }
        if (outcome.result().cancelled() || outcome.model() == null) {
            if (cancelled.timedOut()) {
                return fail(run, "exceeded maxRuntimeSeconds=" + job.maxRuntimeSeconds());
            }
            return finish(run, JobStatus.CANCELLED, null, null, null);
        }
        ModelRegistry registry = models.getIfAvailable();
        if (registry == null) {
            return fail(run, "No model registry is available on this node; the model was not stored.");
        }
        // Idempotent per job: a run recovered after this point finds the same model instead of adding one.
        UUID modelId = Outages.waitOut(() -> registry.register(new NewModel(job.ownerId(), id, job.datasetId(),
                outcome.model(), finalMetrics(outcome.result()))), OUTAGE_PATIENCE, "store the model of job " + id);
        watch.finished(outcome.model(), Math.max(outcome.result().bestEpoch(), 0));
        return finish(run, JobStatus.SUCCEEDED, modelId, null, null);
    }

    private static Checkpointing checkpointing(LocalRuns.Run run, int every, Resumption.Start from) {
        return new Checkpointing(every, from.checkpoint(), from.history(), run.journal()::checkpoint, run::suspended);
    }

    /** The node is shutting down: store the checkpoint the trainer just took, then hand the job back to the queue. */
    private JobStatus suspend(JobRow job, LocalRuns.Run run, TrainingSuspendedException e) {
        if (!drain(run, SUSPEND_PATIENCE)) {
            return null;
        }
        if (!requeue(job, Boolean.TRUE.equals(tx.execute(s -> runStore.requeue(job.id(), run.attempt()))))) {
            return null;
        }
        log.info("Job {} suspended after epoch {}: checkpoint saved, back in the queue", job.id(), e.epoch());
        return JobStatus.QUEUED;
    }

    /** Retries from the checkpoint while the spec's retries last, then fails the job saying how often it tried. */
    private JobStatus failedUnexpectedly(JobRow job, LocalRuns.Run run, Throwable e) {
        UUID id = job.id();
        log.error("Job {} failed unexpectedly (attempt {})", id, run.attempt(), e);
        if (run.lost()) {
            return null;
        }
        int retries = SpecMapper.DEFAULT_RETRIES;
        try {
            JobSpec spec = presenter.spec(job);
            retries = spec.retries() == null ? retries : spec.retries();
            int allowed = retries;
            // Store what the run got to, so the retry resumes from its latest checkpoint.
            if (drain(run, SUSPEND_PATIENCE) && requeue(job, Boolean.TRUE.equals(
                    tx.execute(s -> runStore.requeueAfterFailure(id, run.attempt(), allowed))))) {
                log.warn("Job {} goes back to the queue to retry from its checkpoint ({} of {} retries used)", id,
                        runStore.failures(id), allowed);
                return JobStatus.QUEUED;
            }
        } catch (RuntimeException retryFailed) {
            log.warn("Job {} could not be requeued for a retry: {}", id, retryFailed.getMessage());
        }
        int tries = retries + 1;
        return fail(run, "Training failed " + (tries == 1 ? "once" : tries + " times") + " with an unexpected error "
                + "(the last: " + e.getClass().getSimpleName() + "); it has been logged (job " + id + ").");
    }

    /** After the row went back to QUEUED ({@code requeued}), gives Quartz a trigger for it at its old place. */
    private boolean requeue(JobRow job, boolean requeued) {
        if (requeued) {
            try {
                queue.enqueue(job.id(), job.priority(), job.createdAt().toEpochMilli());
            } catch (SchedulerException | RuntimeException e) {
                // The reconciliation (OrphanedJobs) queues a QUEUED job that Quartz does not hold.
                log.warn("Could not requeue job {} now, the reconciliation will: {}", job.id(), e.getMessage());
            }
        }
        return requeued;
    }

    /** Writes the run's journal, waiting out an outage; false (and the run marked lost) if the job is not its own. */
    private boolean drain(LocalRuns.Run run, Duration patience) {
        boolean owned = Outages.waitOut(() -> run.journal().flush(runStore, store, tx), patience,
                "store the epochs of job " + run.id());
        if (!owned) {
            run.lose();
        }
        return owned;
    }

    private JobStatus fail(LocalRuns.Run run, String detail) {
        drainQuietly(run);
        return finish(run, JobStatus.FAILED, null, FAILED_TITLE, detail);
    }

    private void drainQuietly(LocalRuns.Run run) {
        run.journal().discardCheckpoint();
        try {
            drain(run, SUSPEND_PATIENCE);
        } catch (RuntimeException e) {
            log.warn("Job {}: could not store its last epochs: {}", run.id(), e.getMessage());
        }
    }

    private JobStatus finish(LocalRuns.Run run, JobStatus status, UUID modelId, String title, String detail) {
        boolean done = Outages.waitOut(() -> Boolean.TRUE.equals(tx.execute(s -> {
            boolean ended = store.finish(run.id(), run.attempt(), status, modelId, title, detail, Instant.now());
            if (ended) {
                runStore.deleteCheckpoint(run.id());
            }
            return ended;
        })), OUTAGE_PATIENCE, "finish job " + run.id());
        return done ? status : null;
    }

    /** The figures of the epoch whose weights the model holds (the best one when early stopping restored it). */
    static Map<String, Object> finalMetrics(TrainingResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<EpochMetrics> h = r.history();
        EpochMetrics e = h.isEmpty() ? null
                : r.bestEpoch() >= 1 && r.bestEpoch() <= h.size() ? h.get(r.bestEpoch() - 1) : h.get(h.size() - 1);
        if (e != null) {
            m.put("loss", JobViews.MetricsView.box(e.loss()));
            m.put("accuracy", JobViews.MetricsView.box(e.accuracy()));
            m.put("valLoss", JobViews.MetricsView.box(e.valLoss()));
            m.put("valAccuracy", JobViews.MetricsView.box(e.valAccuracy()));
        }
        m.put("epochs", r.epochsRun());
        m.put("bestEpoch", r.bestEpoch());
        m.put("stoppedEarly", r.stoppedEarly());
        return m;
    }
}
