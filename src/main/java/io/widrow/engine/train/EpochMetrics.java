package io.widrow.engine.train;

/**
 * What a training run reports after each epoch (epochs count from 1 here, as users read them).
 * Values that do not apply are NaN (no validation set, no momentum).
 *
 * @param gradientNorms mean L2 norm over the epoch's batches of each trainable layer's weight gradient
 * @param weightNorms   L2 norm of each trainable layer's weights at the end of the epoch
 */
public record EpochMetrics(int epoch, double loss, double accuracy, double valLoss, double valAccuracy,
                           double learningRate, double momentum, double[] gradientNorms, double[] weightNorms,
                           double samplesPerSecond, double seconds) {
}
