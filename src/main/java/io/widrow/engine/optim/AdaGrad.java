package io.widrow.engine.optim;

import io.widrow.engine.nn.Parameter;

/**
 * Duchi et al. (2011): s ← s + ∇², θ ← θ − α∇ / (sqrt(s) + ε). The accumulator starts at 0 as in PyTorch
 * (Keras starts at 0.1); ε = 1e-8 outside the root keeps the first step at ≈ α·sign(∇).
 */
public final class AdaGrad extends BaseOptimizer {
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double epsilon;

    public AdaGrad(double epsilon, double weightDecay) {
        super(1, weightDecay);
        this.epsilon = Checks.positive("epsilon", epsilon);
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    protected void update(int index, Parameter p, double learningRate, double decay, int from, int to) {
        OptimizerKernels.adaGrad(p.value(), p.grad(), state[0][index], learningRate, epsilon, decay, from, to);
    }
}
