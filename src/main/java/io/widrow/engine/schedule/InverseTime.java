package io.widrow.engine.schedule;

/**
 * α_t = a / (b + t), t the epoch; the Robbins-Monro-style decay from the course notes. The formula is
 * used literally, so the first epoch's rate is a / b, not the base learning rate; {@link ScheduleSpec}
 * fills a = base·b when a is left at 0, which makes epoch 0 start at the base.
 */
public final class InverseTime implements LearningRateSchedule {
    private final double a;
    private final double b;

    public InverseTime(double a, double b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public double rate(long step, int epoch) {
        return a / (b + epoch);
    }
}
