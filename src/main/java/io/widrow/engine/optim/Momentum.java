package io.widrow.engine.optim;

import io.widrow.engine.nn.Parameter;

/**
 * Classical (Polyak) momentum in the course notes' form: v ← γv − α∇, θ ← θ + v. The learning rate sits
 * inside the velocity, so a schedule change takes effect gradually rather than rescaling past steps.
 */
public final class Momentum extends BaseOptimizer {
    private double gamma;

    public Momentum(double gamma, double weightDecay) {
        super(1, weightDecay);
        setMomentum(gamma);
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    protected void update(int index, Parameter p, double learningRate, double decay, int from, int to) {
        OptimizerKernels.momentum(p.value(), p.grad(), state[0][index], learningRate, gamma, decay, from, to);
    }

    @Override
    public double momentum() {
        return gamma;
    }

    @Override
    public void setMomentum(double momentum) {
        this.gamma = Checks.momentum(momentum);
    }
}
