package io.widrow.engine.nn;

import io.widrow.engine.init.Initializers;
import io.widrow.engine.nn.activation.Activations;

/**
 * A fully connected layer followed by its activation: {@code units} neurons, activation name (and
 * {@code alpha} for leaky_relu), weight initializer name (and {@code initValue} for constant).
 */
public record DenseSpec(int units, String activation, double alpha, String init, double initValue) implements LayerSpec {
    public static final double DEFAULT_ALPHA = 0.01;

    public DenseSpec {
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1, got " + units);
        }
        Activations.requireKnown(activation);
        Initializers.requireKnown(init);
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be >= 0 and finite, got " + alpha);
        }
        if (!Double.isFinite(initValue)) {
            throw new IllegalArgumentException("initValue must be finite, got " + initValue);
        }
    }

    /** A dense layer with the default alpha and init value. */
    public DenseSpec(int units, String activation, String init) {
        this(units, activation, DEFAULT_ALPHA, init, 0.0);
    }

    @Override
    public String type() {
        return "dense";
    }
}
