package io.widrow.engine.nn.activation;

/** Creates activations by their JSON names. */
public final class Activations {
    private Activations() {
    }

    /** Throws IllegalArgumentException naming the known activations when {@code name} is not one. */
    public static void requireKnown(String name) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The activation called {@code name}; {@code alpha} is leaky_relu's negative slope. */
    public static Activation create(String name, double alpha) {
        throw new UnsupportedOperationException("TODO");
    }
}
