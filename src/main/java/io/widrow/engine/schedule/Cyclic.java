package io.widrow.engine.schedule;

/**
 * Smith's triangular cyclical learning rate: linear from the base up to {@code maxLearningRate} over
 * {@code cycleSteps} updates, back down over the next {@code cycleSteps}, and again. Counted in updates,
 * not epochs, so the cycle length is independent of the dataset size.
 */
public final class Cyclic implements LearningRateSchedule {
    private final double base;
    private final double max;
    private final int cycleSteps;

    public Cyclic(double base, double max, int cycleSteps) {
        this.base = base;
        this.max = max;
        this.cycleSteps = cycleSteps;
    }

    @Override
    public double rate(long step, int epoch) {
        long period = 2L * cycleSteps;
        long pos = step % period;
        double x = pos <= cycleSteps ? pos : period - pos;
        return base + (max - base) * x / cycleSteps;
    }
}
