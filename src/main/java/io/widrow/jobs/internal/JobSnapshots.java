package io.widrow.jobs.internal;

import java.util.List;
import java.util.UUID;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.ConfusionMatrix;
import io.widrow.engine.model.EpochModelObserver;
import io.widrow.engine.model.ModelCodec;
import io.widrow.engine.model.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the console shows of a job beyond its metrics: while a two-input model trains, its weights at most
 * every {@link #MIN_INTERVAL_NANOS} (so a decision boundary can be redrawn on any node), and the confusion
 * matrix on the validation rows with each snapshot and once more for the final model. Failures here are
 * logged and never fail the job: a missing picture is not worth a lost model.
 */
@Component
class JobSnapshots {
    static final long MIN_INTERVAL_NANOS = 500_000_000L;
    /** Live confusion matrices are skipped above this many validation rows: they cost the training thread. */
    static final int LIVE_CONFUSION_MAX_ROWS = 20_000;
    private static final Logger log = LoggerFactory.getLogger(JobSnapshots.class);

    private final SnapshotStore store;
    private final JobPresenter presenter;
    private final TransactionTemplate tx;

    JobSnapshots(SnapshotStore store, JobPresenter presenter, TransactionTemplate tx) {
        this.store = store;
        this.presenter = presenter;
        this.tx = tx;
    }

    /** The confusion matrix as stored and served; {@code set} says which rows it counts. */
    record ConfusionView(int epoch, boolean isFinal, String set, long rows, List<String> classes, long[][] counts,
                         Double accuracy) {
    }

    /** An observer for one run of {@code jobId} on {@code train} (the raw training rows). */
    Watch watch(UUID jobId, Dataset train) {
        return new Watch(jobId, train);
    }

    final class Watch implements EpochModelObserver {
        private final UUID jobId;
        private final Dataset train;
        private final boolean pictures;
        private Dataset validation;
        private long last;
        private boolean taken;

        private Watch(UUID jobId, Dataset train) {
            this.jobId = jobId;
            this.train = train;
            this.pictures = train.features() == 2;
        }

        @Override
        public void onEpochEnd(int epoch, TrainedModel model, Dataset heldOut) {
            validation = heldOut;
            long now = System.nanoTime();
            if (!pictures || taken && now - last < MIN_INTERVAL_NANOS) {
                return;
            }
            taken = true;
            last = now;
            try {
                String doc = ModelCodec.write(model);
                String confusion = null;
                if (heldOut != null && heldOut.isClassification() && heldOut.rows() <= LIVE_CONFUSION_MAX_ROWS) {
                    // A decoded copy: the live network's buffers belong to the trainer.
                    confusion = presenter.write(view(epoch, false, "validation", ConfusionMatrix.of(ModelCodec.read(doc), heldOut)));
                }
                String c = confusion;
                tx.executeWithoutResult(s -> store.saveLive(jobId, epoch, doc, c));
            } catch (RuntimeException e) {
                log.warn("Could not store a snapshot of job {} at epoch {}: {}", jobId, epoch, e.toString());
            }
        }

        /** Stores the final model's confusion matrix (validation rows, or the training rows when none were held out). */
        void finished(TrainedModel model, int epoch) {
            if (model == null || !train.isClassification()) {
                return;
            }
            try {
                boolean held = validation != null && validation.rows() > 0;
                ConfusionMatrix m = ConfusionMatrix.of(model, held ? validation : train);
                String confusion = presenter.write(view(epoch, true, held ? "validation" : "training", m));
                tx.executeWithoutResult(s -> store.saveFinal(jobId, epoch, confusion));
            } catch (RuntimeException e) {
                log.warn("Could not store the confusion matrix of job {}: {}", jobId, e.toString());
            }
        }
    }

    private static ConfusionView view(int epoch, boolean isFinal, String set, ConfusionMatrix m) {
        double acc = m.accuracy();
        return new ConfusionView(epoch, isFinal, set, m.rows(), List.of(m.classes()), m.counts(),
                Double.isFinite(acc) ? acc : null);
    }
}
