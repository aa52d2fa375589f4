package io.widrow.jobs.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.widrow.datasets.DatasetCatalog;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.TrainingDivergedException;
import io.widrow.engine.train.TrainingListener;
import io.widrow.engine.train.TrainingResult;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import io.widrow.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one job on the calling (Quartz worker) thread. Re-entrant: it starts only if it can move the row from
 * QUEUED to RUNNING (or take over a dead node's RUNNING row on recovery), so duplicate fires do nothing.
 */
@Component
class JobRunner {
    static final String FAILED_TITLE = "Training failed";
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final DatasetCatalog datasets;
    private final ObjectProvider<ModelRegistry> models;
    private final LocalRuns runs;
    private final JobPresenter presenter;
    private final JobMeters meters;
    private final TransactionTemplate tx;
    private final JobSnapshots snapshots;

    JobRunner(JobStore store, DatasetCatalog datasets, ObjectProvider<ModelRegistry> models, LocalRuns runs,
              JobPresenter presenter, JobMeters meters, TransactionTemplate tx, JobSnapshots snapshots) {
        this.store = store;
        this.datasets = datasets;
        this.models = models;
        this.runs = runs;
        this.presenter = presenter;
        this.meters = meters;
        this.tx = tx;
        this.snapshots = snapshots;
    }

    void run(UUID id, boolean recovering, String node) {
        JobRow job = store.find(id).orElse(null);
        if (job == null || job.status().terminal()) {
            return;
        }
        Boolean started = tx.execute(s -> store.markRunning(id, node, recovering, Instant.now()));
        if (!Boolean.TRUE.equals(started)) {
            return;
        }
        long start = System.nanoTime();
        LocalRuns.Run run = runs.start(id);
        JobStatus end = JobStatus.FAILED;
        try {
            end = train(job, run, start);
        } catch (TrainingDivergedException | IllegalArgumentException | ApiException e) {
            // The client's spec or data is at fault: say why.
            fail(id, e.getMessage());
        } catch (RuntimeException | Error e) {
            log.error("Job {} failed unexpectedly", id, e);
            fail(id, "An unexpected error occurred while training; it has been logged (job " + id + ").");
        } finally {
            runs.end(id);
            meters.jobFinished(end, System.nanoTime() - start);
        }
    }

    private JobStatus train(JobRow job, LocalRuns.Run run, long start) {
        UUID id = job.id();
        SpecMapper.EngineSpecs specs = SpecMapper.toEngine(presenter.spec(job));
        Dataset train = datasets.load(job.datasetId());
        Dataset validation = job.validationDatasetId() == null ? null : datasets.load(job.validationDatasetId());
        Cancellation cancelled = new Cancellation(id, run, store, start, job.maxRuntimeSeconds());
        Recorder recorder = new Recorder(id, job.epochs());
        TrainingOutcome outcome;
        JobSnapshots.Watch watch = snapshots.watch(id, train);
        try {
            outcome = Training.run(specs.model(), specs.training(), train, validation, recorder, cancelled, watch);
        } finally {
            recorder.flush();
        }
        if (outcome.result().cancelled() || outcome.model() == null) {
            if (cancelled.timedOut()) {
                fail(id, "exceeded maxRuntimeSeconds=" + job.maxRuntimeSeconds());
                return JobStatus.FAILED;
            }
            store.finish(id, JobStatus.CANCELLED, null, null, null, Instant.now());
            return JobStatus.CANCELLED;
        }
        ModelRegistry registry = models.getIfAvailable();
        if (registry == null) {
            fail(id, "No model registry is available on this node; the model was not stored.");
            return JobStatus.FAILED;
        }
        UUID modelId = registry.register(new NewModel(job.ownerId(), id, job.datasetId(), outcome.model(),
                finalMetrics(outcome.result())));
        watch.finished(outcome.model(), Math.max(outcome.result().bestEpoch(), 0));
        store.finish(id, JobStatus.SUCCEEDED, modelId, null, null, Instant.now());
        return JobStatus.SUCCEEDED;
    }

    private void fail(UUID id, String detail) {
        store.finish(id, JobStatus.FAILED, null, FAILED_TITLE, detail, Instant.now());
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

    /**
     * Persists epochs in small batches: at most every {@link #FLUSH_NANOS}, at the last epoch and when
     * training ends. A transaction per epoch cost 0.4–1.8 ms, which dominated jobs of many tiny epochs
     * (a 1,000-epoch XOR net took ~1 s instead of ~10 ms); a tenth of a second of delay is invisible to
     * watchers, and a run that dies restarts from its first epoch anyway.
     */
    private final class Recorder implements TrainingListener {
        private static final long FLUSH_NANOS = 100_000_000L;
        private final UUID id;
        private final int epochs;
        private final List<JobViews.MetricsView> pending = new ArrayList<>();
        private double seconds;
        private Double eta;
        private long lastFlush = System.nanoTime();

        Recorder(UUID id, int epochs) {
            this.id = id;
            this.epochs = epochs;
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            if (Double.isFinite(m.seconds())) {
                seconds += m.seconds();
            }
            eta = m.epoch() >= epochs ? 0.0 : seconds / m.epoch() * (epochs - m.epoch());
            pending.add(JobViews.MetricsView.of(m));
            meters.epoch(m.seconds(), m.samplesPerSecond());
            if (m.epoch() >= epochs || System.nanoTime() - lastFlush >= FLUSH_NANOS) {
                flush();
            }
        }

        /** Writes the epochs not yet stored, in one transaction. */
        void flush() {
            lastFlush = System.nanoTime();
            if (pending.isEmpty()) {
                return;
            }
            JobViews.MetricsView latest = pending.get(pending.size() - 1);
            String latestJson = presenter.write(latest);
            Double etaNow = eta;
            tx.executeWithoutResult(s -> {
                for (JobViews.MetricsView v : pending) {
                    store.insertEpoch(id, v, presenter.write(v.gradientNorms()), presenter.write(v.weightNorms()));
                }
                store.advance(id, latest.epoch(), latestJson, etaNow);
            });
            pending.clear();
        }
    }
}
