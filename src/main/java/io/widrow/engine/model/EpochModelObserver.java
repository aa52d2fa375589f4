package io.widrow.engine.model;

import io.widrow.engine.data.Dataset;

/**
 * Sees the model as it stands at the end of each epoch, on the training thread, right after the
 * {@link io.widrow.engine.train.TrainingListener}. This is how a watcher draws a decision boundary that bends
 * while the network learns, without the trainer knowing about it.
 *
 * <p>The model handed in shares the live network (or linear weights) of the run: it is valid only during the
 * call and must not be predicted with from another thread. An observer that keeps it copies it first
 * ({@link ModelCodec#write} is an exact copy). Keep the call cheap: the next epoch waits for it.
 */
@FunctionalInterface
public interface EpochModelObserver {
    /**
     * @param epoch      the epoch just finished, counting from 1
     * @param model      the model after that epoch (live view, see above)
     * @param validation the held-out rows as raw inputs, classes in the training set's order; null when none
     */
    void onEpochEnd(int epoch, TrainedModel model, Dataset validation);

    EpochModelObserver NONE = (epoch, model, validation) -> { };
}
