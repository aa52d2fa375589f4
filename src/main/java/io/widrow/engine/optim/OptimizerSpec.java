package io.widrow.engine.optim;

/**
 * How parameters are updated, as the API speaks it. Fields not used by {@code type} are ignored.
 *
 * @param type            sgd | momentum | nesterov | adam | rmsprop | adagrad
 * @param learningRate    base learning rate α (> 0)
 * @param momentum        γ for momentum/nesterov (the final value when a momentum schedule is used)
 * @param initialMomentum γ used until the switch (the notes' 0.5 → 0.9); NaN = no schedule
 * @param momentumSwitchEpoch      switch to {@code momentum} at this epoch (0-based); -1 = not by epoch
 * @param momentumSwitchThreshold  switch once |Δ loss| between epochs falls below this; NaN = not by loss
 * @param beta1           Adam β1
 * @param beta2           Adam β2
 * @param epsilon         Adam/RMSProp/AdaGrad ε
 * @param rho             RMSProp decay ρ
 * @param weightDecay     L2 coefficient λ (gradient += λ·w for decaying parameters)
 */
public record OptimizerSpec(String type, double learningRate, double momentum, double initialMomentum,
                            int momentumSwitchEpoch, double momentumSwitchThreshold, double beta1, double beta2,
                            double epsilon, double rho, double weightDecay) {
    public Optimizer build() {
        throw new UnsupportedOperationException("TODO");
    }
}
