package io.widrow.engine.train;

/** Receives progress from a training run, on the training thread: keep it cheap. */
@FunctionalInterface
public interface TrainingListener {
    void onEpoch(EpochMetrics metrics);

    TrainingListener NONE = m -> { };
}
