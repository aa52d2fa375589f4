package io.widrow.engine.schedule;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Linear warmup around any schedule: for step &lt; warmupSteps the rate is inner·(step + 1)/warmupSteps,
 * so the first update already moves (1/N of the rate) and step N − 1 reaches the inner rate. Epoch
 * callbacks and state pass through to the inner schedule.
 */
public final class Warmup implements LearningRateSchedule {
    private final LearningRateSchedule inner;
    private final int warmupSteps;

    public Warmup(LearningRateSchedule inner, int warmupSteps) {
        this.inner = inner;
        this.warmupSteps = warmupSteps;
    }

    public LearningRateSchedule inner() {
        return inner;
    }

    @Override
    public double rate(long step, int epoch) {
        double r = inner.rate(step, epoch);
        return step < warmupSteps ? r * (step + 1) / warmupSteps : r;
    }

    @Override
    public void onEpochEnd(int epoch, double monitoredLoss) {
        inner.onEpochEnd(epoch, monitoredLoss);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        inner.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        inner.readState(in);
    }
}
