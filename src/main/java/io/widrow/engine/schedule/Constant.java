package io.widrow.engine.schedule;

/** The base learning rate throughout. */
public final class Constant implements LearningRateSchedule {
    private final double rate;

    public Constant(double rate) {
        this.rate = rate;
    }

    @Override
    public double rate(long step, int epoch) {
        return rate;
    }
}
