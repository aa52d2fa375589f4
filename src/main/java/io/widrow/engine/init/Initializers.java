package io.widrow.engine.init;

import java.util.List;

/** Creates initializers by their JSON names. */
public final class Initializers {
    /** Every accepted name, in the order error messages list them. */
    public static final List<String> NAMES =
            List.of("xavier_uniform", "xavier_normal", "he_normal", "he_uniform", "orthogonal", "zeros", "constant");

    private Initializers() {
    }

    public static void requireKnown(String name) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown initializer '" + name + "', expected one of " + NAMES);
        }
    }

    /**
     * The initializer called {@code name}; {@code value} is constant's fill value, {@code leakyAlpha}
     * the negative slope used for the He gain sqrt(2 / (1 + α²)) (0 for plain ReLU).
     */
    public static Initializer create(String name, double value, double leakyAlpha) {
        requireKnown(name);
        if (!Double.isFinite(leakyAlpha)) {
            throw new IllegalArgumentException("leakyAlpha must be finite, got " + leakyAlpha);
        }
        return switch (name) {
            case "xavier_uniform" -> new XavierUniform();
            case "xavier_normal" -> new XavierNormal();
            case "he_normal" -> new HeNormal(leakyAlpha);
            case "he_uniform" -> new HeUniform(leakyAlpha);
            case "orthogonal" -> new Orthogonal();
            case "zeros" -> new Zeros();
            case "constant" -> new Constant(value);
            default -> throw new IllegalStateException("unreachable: " + name);
        };
    }
}
