package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Elementwise;
import io.widrow.engine.tensor.Matrix;

/** max(z, αz): a small negative slope keeps units from dying; α = 0 is plain ReLU. */
public final class LeakyRelu implements Activation {
    public static final double DEFAULT_ALPHA = 0.01;

    private final float alpha;

    public LeakyRelu() {
        this(DEFAULT_ALPHA);
    }

    public LeakyRelu(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("leaky_relu alpha must be >= 0 and finite, got " + alpha);
        }
        this.alpha = (float) alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        apply(z, a, alpha);
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        applyBackward(z, gradA, gradZ, alpha);
    }

    static void apply(Matrix z, Matrix a, float slope) {
        z.requireSameShape(a);
        Elementwise.leakyRelu(z.data(), a.data(), z.size(), slope);
    }

    /** The derivative at exactly 0 is taken as the left slope, matching the forward's z > 0 test. */
    static void applyBackward(Matrix z, Matrix gradA, Matrix gradZ, float slope) {
        z.requireSameShape(gradA);
        gradA.requireSameShape(gradZ);
        // A data-dependent select: as a scalar loop it mispredicted on every other element.
        Elementwise.reluBackward(z.data(), gradA.data(), gradZ.data(), z.size(), slope);
    }
}
