package io.widrow.engine.train;

import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;

/**
 * How to train, as the API speaks it.
 *
 * @param batchSize       1 = online, 0 = full batch, otherwise mini-batches of this size
 * @param stratified      mini-batches keep the class proportions of the training set
 * @param earlyStopping   null = off
 * @param validationSplit fraction of the training set held out when no separate validation set is given
 *                        (0 = none)
 * @param baseBatchSize   linear scaling rule: the learning rate is multiplied by batchSize / baseBatchSize
 *                        (0 = off)
 */
public record TrainingSpec(int epochs, int batchSize, boolean shuffle, boolean stratified, long seed,
                           OptimizerSpec optimizer, ScheduleSpec schedule, GradientClipSpec gradientClip,
                           EarlyStoppingSpec earlyStopping, double validationSplit, int baseBatchSize) {
    public TrainingSpec {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be >= 0 (0 = full batch), got " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation split must be in [0, 1), got " + validationSplit);
        }
        if (baseBatchSize < 0) {
            throw new IllegalArgumentException("baseBatchSize must be >= 0 (0 = off), got " + baseBatchSize);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer is required");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule is required");
        }
        if (gradientClip == null) {
            gradientClip = GradientClipSpec.NONE;
        }
    }

    /** The batch size actually used on a training set of {@code rows} rows. */
    public int effectiveBatchSize(int rows) {
        return batchSize == 0 ? rows : Math.min(batchSize, rows);
    }

    /** The base learning rate after the linear scaling rule, if on. */
    public double scaledLearningRate(int rows) {
        double lr = optimizer.learningRate();
        return baseBatchSize == 0 ? lr : lr * effectiveBatchSize(rows) / baseBatchSize;
    }
}
