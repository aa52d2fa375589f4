package io.widrow.jobs.internal;

import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.TrainingListener;

/**
 * Hands each finished epoch to the run's journal, which {@link RunSync} stores within a tenth of a second (a
 * transaction per epoch cost 0.4–1.8 ms, which dominated jobs of many tiny epochs). Nothing here waits on the
 * database, so an outage does not slow training. Runs on the training thread.
 */
final class Recorder implements TrainingListener {
    private final RunJournal journal;
    private final int epochs;
    private final JobPresenter presenter;
    private final JobMeters meters;
    private double seconds;
    private int trained;

    Recorder(RunJournal journal, int epochs, JobPresenter presenter, JobMeters meters) {
        this.journal = journal;
        this.epochs = epochs;
        this.presenter = presenter;
        this.meters = meters;
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        if (Double.isFinite(m.seconds())) {
            seconds += m.seconds();
        }
        trained++;
        // From this run's own epochs: a resumed run has not timed the ones before its checkpoint.
        Double eta = m.epoch() >= epochs ? 0.0 : seconds / trained * (epochs - m.epoch());
        JobViews.MetricsView v = JobViews.MetricsView.of(m);
        journal.epoch(new RunJournal.Epoch(v, presenter.write(v.gradientNorms()), presenter.write(v.weightNorms())),
                presenter.write(v), eta);
        meters.epoch(m.seconds(), m.samplesPerSecond());
    }
}
