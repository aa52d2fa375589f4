package io.widrow.engine.init;

/** Creates initializers by their JSON names. */
public final class Initializers {
    private Initializers() {
    }

    public static void requireKnown(String name) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * The initializer called {@code name}; {@code value} is constant's fill value, {@code leakyAlpha}
     * the negative slope used for the He gain sqrt(2 / (1 + α²)) (0 for plain ReLU).
     */
    public static Initializer create(String name, double value, double leakyAlpha) {
        throw new UnsupportedOperationException("TODO");
    }
}
