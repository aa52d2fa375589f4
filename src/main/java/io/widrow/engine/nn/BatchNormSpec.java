package io.widrow.engine.nn;

/** Batch normalization over the previous layer's outputs; running averages use {@code momentum}. */
public record BatchNormSpec(double momentum, double epsilon) implements LayerSpec {
    public BatchNormSpec {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("batchnorm momentum must be in [0, 1), got " + momentum);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("batchnorm epsilon must be > 0, got " + epsilon);
        }
    }

    public BatchNormSpec() {
        this(0.9, 1e-5);
    }

    @Override
    public String type() {
        return "batchnorm";
    }
}
