package io.widrow.engine.nn.activation;

import java.util.List;

/** Creates activations by their JSON names. */
public final class Activations {
    /** In the order the API documents them, so error messages read like the docs. */
    public static final List<String> NAMES =
            List.of("identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "gelu", "softmax");

    private Activations() {
    }

    /** Throws IllegalArgumentException naming the known activations when {@code name} is not one. */
    public static void requireKnown(String name) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; expected one of " + NAMES);
        }
    }

    /** The activation called {@code name}; {@code alpha} is leaky_relu's negative slope. */
    public static Activation create(String name, double alpha) {
        requireKnown(name);
        return switch (name) {
            case "identity" -> new Identity();
            case "step" -> new Step();
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "relu" -> new Relu();
            case "leaky_relu" -> new LeakyRelu(alpha);
            case "gelu" -> new Gelu();
            case "softmax" -> new Softmax();
            default -> throw new IllegalStateException("activation '" + name + "' is listed but not built");
        };
    }
}
