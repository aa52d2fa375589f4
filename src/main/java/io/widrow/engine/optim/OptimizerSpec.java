package io.widrow.engine.optim;

import java.util.List;

/**
 * How parameters are updated, as the API speaks it. Fields not used by {@code type} are ignored: their
 * ranges are checked only for the types that use them, but NaN and infinities are rejected in every
 * field (except the documented NaN sentinels) because they can only be mistakes.
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
    public static final List<String> TYPES = List.of("sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad");

    public OptimizerSpec {
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("optimizer type must be one of " + TYPES + ", got '" + type + "'");
        }
        finite("momentum", momentum);
        finite("beta1", beta1);
        finite("beta2", beta2);
        finite("epsilon", epsilon);
        finite("rho", rho);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        switch (type) {
            case "momentum", "nesterov" -> Checks.unitInterval("momentum", momentum);
            case "adam" -> {
                Checks.unitInterval("beta1", beta1);
                Checks.unitInterval("beta2", beta2);
                Checks.positive("epsilon", epsilon);
            }
            case "rmsprop" -> {
                Checks.unitInterval("rho", rho);
                Checks.positive("epsilon", epsilon);
            }
            case "adagrad" -> Checks.positive("epsilon", epsilon);
            default -> {
            }
        }
        if (!Double.isNaN(initialMomentum)) {
            Checks.unitInterval("initialMomentum", initialMomentum);
        }
        if (momentumSwitchEpoch < -1) {
            throw new IllegalArgumentException("momentumSwitchEpoch must be >= -1 (-1 = not by epoch), got "
                    + momentumSwitchEpoch);
        }
        if (!Double.isNaN(momentumSwitchThreshold) && !(momentumSwitchThreshold >= 0 && momentumSwitchThreshold
                < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("momentumSwitchThreshold must be NaN or >= 0, got "
                    + momentumSwitchThreshold);
        }
        if (!Double.isNaN(initialMomentum) && momentumSwitchEpoch == -1 && Double.isNaN(momentumSwitchThreshold)) {
            // Without a trigger the initial momentum would silently apply for the whole run.
            throw new IllegalArgumentException("initialMomentum " + initialMomentum
                    + " needs momentumSwitchEpoch or momentumSwitchThreshold");
        }
    }

    /**
     * A spec with the defaults: momentum 0.9 with no schedule, Adam β1 0.9, β2 0.999, ε 1e-8, RMSProp ρ 0.9,
     * no weight decay.
     */
    public static OptimizerSpec of(String type, double learningRate) {
        return new OptimizerSpec(type, learningRate, 0.9, Double.NaN, -1, Double.NaN, Adam.DEFAULT_BETA1,
                Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON, RmsProp.DEFAULT_RHO, 0.0);
    }

    /** A fresh optimizer (no state) for this spec. */
    public Optimizer build() {
        return switch (type) {
            case "sgd" -> new Sgd(weightDecay);
            case "momentum" -> new Momentum(momentum, weightDecay);
            case "nesterov" -> new Nesterov(momentum, weightDecay);
            case "adam" -> new Adam(beta1, beta2, epsilon, weightDecay);
            case "rmsprop" -> new RmsProp(rho, epsilon, weightDecay);
            case "adagrad" -> new AdaGrad(epsilon, weightDecay);
            default -> throw new IllegalStateException("unreachable: " + type);
        };
    }

    /**
     * The per-epoch momentum for this spec. Its final value is what the built optimizer starts with (γ for
     * momentum/nesterov, β1 for Adam, 0 otherwise), so with no schedule setting it each epoch is a no-op.
     */
    public MomentumSchedule momentumSchedule() {
        double finalMomentum = switch (type) {
            case "momentum", "nesterov" -> momentum;
            case "adam" -> beta1;
            default -> 0.0;
        };
        return new MomentumSchedule(initialMomentum, finalMomentum, momentumSwitchEpoch, momentumSwitchThreshold);
    }

    private static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, got " + value);
        }
    }
}
