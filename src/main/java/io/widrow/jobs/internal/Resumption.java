package io.widrow.jobs.internal;

import java.util.List;
import java.util.UUID;

import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.TrainingCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a starting run begins: at the job's checkpoint if it has one, with the stored epochs up to it as the
 * run's history; the epochs after it (written by the run that died or stopped) are deleted, because this run
 * trains them again and reports them afresh. Without a checkpoint every stored epoch goes.
 */
@Component
class Resumption {
    private static final Logger log = LoggerFactory.getLogger(Resumption.class);

    private final JobStore store;
    private final RunStore runs;
    private final JobPresenter presenter;
    private final TransactionTemplate tx;

    Resumption(JobStore store, RunStore runs, JobPresenter presenter, TransactionTemplate tx) {
        this.store = store;
        this.runs = runs;
        this.presenter = presenter;
        this.tx = tx;
    }

    /** @param checkpoint null = from the start */
    record Start(TrainingCheckpoint checkpoint, List<EpochMetrics> history) {
        static final Start FRESH = new Start(null, List.of());
    }

    /** Returns null when {@code run} no longer owns the job. */
    Start prepare(LocalRuns.Run run) {
        UUID id = run.id();
        TrainingCheckpoint cp = runs.checkpoint(id).orElse(null);
        List<JobStore.StoredMetrics> kept = cp == null ? List.of()
                : store.metrics(id, 0).stream().filter(m -> m.epoch() <= cp.epoch()).toList();
        if (cp != null && kept.size() != cp.epoch()) {
            log.warn("Job {}: its checkpoint is at epoch {} but only {} of those epochs are stored; training from "
                    + "epoch 1", id, cp.epoch(), kept.size());
            return restart(run);
        }
        int epoch = cp == null ? 0 : cp.epoch();
        String latest = kept.isEmpty() ? null : presenter.write(presenter.metrics(kept.get(kept.size() - 1)));
        if (!rewind(run, epoch, latest)) {
            return null;
        }
        if (cp == null) {
            return Start.FRESH;
        }
        log.info("Job {} resumes from its checkpoint after epoch {} (attempt {})", id, epoch, run.attempt());
        return new Start(cp, kept.stream().map(this::engineMetrics).toList());
    }

    /** Forgets the checkpoint and every stored epoch; returns null when {@code run} no longer owns the job. */
    Start restart(LocalRuns.Run run) {
        return rewind(run, 0, null) ? Start.FRESH : null;
    }

    private boolean rewind(LocalRuns.Run run, int epoch, String latest) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (!runs.claim(run.id(), run.attempt())) {
                return false;
            }
            if (epoch == 0) {
                runs.deleteCheckpoint(run.id());
            }
            runs.rewind(run.id(), epoch, latest);
            return true;
        }));
    }

    private EpochMetrics engineMetrics(JobStore.StoredMetrics s) {
        JobViews.MetricsView m = presenter.metrics(s);
        return new EpochMetrics(m.epoch(), unbox(m.loss()), unbox(m.accuracy()), unbox(m.valLoss()),
                unbox(m.valAccuracy()), unbox(m.learningRate()), unbox(m.momentum()), unbox(m.gradientNorms()),
                unbox(m.weightNorms()), unbox(m.samplesPerSecond()), unbox(m.seconds()));
    }

    private static double unbox(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Resumption::unbox).toArray();
    }
}
