package io.widrow.engine.optim;

import io.widrow.engine.nn.Parameter;

/**
 * Kingma & Ba (2015) with bias correction; L2 decay is added to the gradient (classic Adam, not AdamW).
 * Defaults from the paper: α = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8. {@link #momentum()} is β1 and
 * {@link #setMomentum} changes it; as in PyTorch the bias correction uses the current β1.
 */
public final class Adam extends BaseOptimizer {
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private double beta1;
    private final double beta2;
    private final double epsilon;

    public Adam(double beta1, double beta2, double epsilon, double weightDecay) {
        super(2, weightDecay);
        setMomentum(beta1);
        this.beta2 = Checks.unitInterval("beta2", beta2);
        this.epsilon = Checks.positive("epsilon", epsilon);
    }

    public Adam() {
        this(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, 0);
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    protected void update(int index, Parameter p, double learningRate, double decay, int from, int to) {
        double bc1 = 1 - Math.pow(beta1, steps);
        double bc2 = 1 - Math.pow(beta2, steps);
        OptimizerKernels.adam(p.value(), p.grad(), state[0][index], state[1][index], learningRate, beta1, beta2,
                epsilon, bc1, bc2, decay, from, to);
    }

    @Override
    public double momentum() {
        return beta1;
    }

    @Override
    public void setMomentum(double momentum) {
        this.beta1 = Checks.unitInterval("beta1", momentum);
    }
}
