package io.widrow.engine.schedule;

/** lr·γ^floor(epoch / k): constant within an epoch, dropping by γ every k epochs. */
public final class StepDecay implements LearningRateSchedule {
    private final double base;
    private final double gamma;
    private final int everyEpochs;

    public StepDecay(double base, double gamma, int everyEpochs) {
        this.base = base;
        this.gamma = gamma;
        this.everyEpochs = everyEpochs;
    }

    @Override
    public double rate(long step, int epoch) {
        return base * Math.pow(gamma, epoch / everyEpochs);
    }
}
