package io.widrow.engine.schedule;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Multiplies the rate by {@code factor} when the monitored loss stops improving. An epoch improves when
 * loss &lt; best − threshold (absolute threshold). As in PyTorch's ReduceLROnPlateau, {@code patience}
 * epochs without improvement are tolerated and the next one reduces (patience 0 reduces on the first bad
 * epoch); the counter then restarts. The rate never goes below {@code minLearningRate}. A NaN loss
 * counts as no improvement.
 */
public final class ReduceOnPlateau implements LearningRateSchedule {
    private final double factor;
    private final int patience;
    private final double threshold;
    private final double minLearningRate;
    private double current;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    public ReduceOnPlateau(double base, double factor, int patience, double threshold, double minLearningRate) {
        this.current = base;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.minLearningRate = minLearningRate;
    }

    @Override
    public double rate(long step, int epoch) {
        return current;
    }

    @Override
    public void onEpochEnd(int epoch, double monitoredLoss) {
        if (monitoredLoss < best - threshold) {
            best = monitoredLoss;
            badEpochs = 0;
            return;
        }
        badEpochs++;
        if (badEpochs > patience) {
            current = Math.max(current * factor, minLearningRate);
            badEpochs = 0;
        }
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeDouble(current);
        out.writeDouble(best);
        out.writeInt(badEpochs);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        current = in.readDouble();
        best = in.readDouble();
        badEpochs = in.readInt();
    }
}
