package io.widrow.engine.nn;

/** Layer normalization over each sample's features. */
public record LayerNormSpec(double epsilon) implements LayerSpec {
    public LayerNormSpec {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("layernorm epsilon must be > 0, got " + epsilon);
        }
    }

    public LayerNormSpec() {
        this(1e-5);
    }

    @Override
    public String type() {
        return "layernorm";
    }
}
