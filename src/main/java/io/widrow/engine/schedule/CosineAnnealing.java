package io.widrow.engine.schedule;

/**
 * Cosine annealing from the base rate to {@code minLearningRate} (Loshchilov & Hutter, SGDR). The
 * position is measured in fractional epochs, t = step / stepsPerEpoch, so the rate falls smoothly within
 * an epoch instead of in per-epoch stairs: lr = min + (base − min)·(1 + cos(π·t_cur / T))/2.
 *
 * <p>With {@code period} 0 the single cycle spans the whole run and the rate stays at the minimum after
 * it. With a period of P epochs the schedule restarts at the base after each cycle, cycle i lasting
 * P·multiplier^i epochs (warm restarts; multiplier 1 gives equal cycles).
 */
public final class CosineAnnealing implements LearningRateSchedule {
    private final double base;
    private final double min;
    private final double periodEpochs;
    private final double multiplier;
    private final boolean restarts;
    private final int stepsPerEpoch;

    /** @param period epochs per cycle, 0 = one cycle over all {@code epochs} */
    public CosineAnnealing(double base, double min, int period, double multiplier, int epochs, int stepsPerEpoch) {
        this.base = base;
        this.min = min;
        this.restarts = period > 0;
        this.periodEpochs = restarts ? period : epochs;
        this.multiplier = multiplier;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    @Override
    public double rate(long step, int epoch) {
        double t = (double) step / stepsPerEpoch;
        double length = periodEpochs;
        if (!restarts) {
            t = Math.min(t, length);
        } else if (multiplier == 1.0) {
            t = t % length;
        } else {
            // Cycles grow geometrically, so this loop runs O(log t) times.
            while (t >= length) {
                t -= length;
                length *= multiplier;
            }
        }
        return min + (base - min) * (1 + Math.cos(Math.PI * t / length)) / 2;
    }
}
