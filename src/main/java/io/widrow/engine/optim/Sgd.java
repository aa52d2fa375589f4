package io.widrow.engine.optim;

import io.widrow.engine.nn.Parameter;

/** Plain gradient descent: θ ← θ − α(∇ + λθ). Stateless apart from the step count. */
public final class Sgd extends BaseOptimizer {
    public Sgd(double weightDecay) {
        super(0, weightDecay);
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    protected void update(int index, Parameter p, double learningRate, double decay, int from, int to) {
        OptimizerKernels.sgd(p.value(), p.grad(), learningRate, decay, from, to);
    }
}
