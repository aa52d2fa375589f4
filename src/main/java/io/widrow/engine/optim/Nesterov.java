package io.widrow.engine.optim;

import io.widrow.engine.nn.Parameter;

/**
 * Nesterov accelerated gradient in Sutskever et al. (2013)'s reformulation, which evaluates the gradient
 * at the current parameters rather than at the look-ahead point: v ← γv − α∇, θ ← θ + γv − α∇ (using the
 * new v). This is Keras's {@code nesterov=True}, and equals PyTorch's {@code SGD(nesterov=True)}
 * (b ← γb + ∇, θ ← θ − α(∇ + γb)) with v = −αb while α is constant.
 */
public final class Nesterov extends BaseOptimizer {
    private double gamma;

    public Nesterov(double gamma, double weightDecay) {
        super(1, weightDecay);
        setMomentum(gamma);
    }

    @Override
    public String name() {
        return "nesterov";
    }

    @Override
    protected void update(int index, Parameter p, double learningRate, double decay, int from, int to) {
        OptimizerKernels.nesterov(p.value(), p.grad(), state[0][index], learningRate, gamma, decay, from, to);
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
