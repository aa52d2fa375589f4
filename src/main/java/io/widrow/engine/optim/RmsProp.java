package io.widrow.engine.optim;

import io.widrow.engine.nn.Parameter;

/**
 * Hinton's RMSProp: s ← ρs + (1−ρ)∇², θ ← θ − α∇ / (sqrt(s) + ε), accumulator starting at 0. Keras-like
 * defaults ρ = 0.9 (PyTorch uses 0.99) and α = 1e-3; ε = 1e-8 sits outside the square root as in PyTorch
 * (Keras 3 adds it inside). No momentum term, so {@link #momentum()} is 0.
 */
public final class RmsProp extends BaseOptimizer {
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double rho;
    private final double epsilon;

    public RmsProp(double rho, double epsilon, double weightDecay) {
        super(1, weightDecay);
        this.rho = Checks.unitInterval("rho", rho);
        this.epsilon = Checks.positive("epsilon", epsilon);
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    protected void update(int index, Parameter p, double learningRate, double decay, int from, int to) {
        OptimizerKernels.rmsProp(p.value(), p.grad(), state[0][index], learningRate, rho, epsilon, decay, from, to);
    }
}
