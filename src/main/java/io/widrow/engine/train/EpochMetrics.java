package io.widrow.engine.train;

/**
 * What a training run reports after each epoch (epochs count from 1 here, as users read them).
 * Values that do not apply are NaN (no validation set, no momentum).
 *
 * @param gradientNorms per trainable layer, the size of its weight gradient over the epoch: the mean of the
 *                      per-batch L2 norms for networks, the L2 norm of the epoch's mean gradient for the
 *                      single-neuron models (whose online updates have no batches to average)
 * @param weightNorms   L2 norm of each trainable layer's weights at the end of the epoch
 */
public record EpochMetrics(int epoch, double loss, double accuracy, double valLoss, double valAccuracy,
                           double learningRate, double momentum, double[] gradientNorms, double[] weightNorms,
                           double samplesPerSecond, double seconds) {
}
