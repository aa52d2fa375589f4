package io.widrow.engine.data;

import java.util.List;

/**
 * A request for a synthetic playground data set (see {@link Generators}).
 *
 * @param kind        and | or | xor | rings | spirals | moons | gaussians
 * @param samples     rows to generate, 1..1,000,000
 * @param noise       standard deviation of the Gaussian noise (rings: on the radius; others: on the inputs)
 * @param seed        same seed, same data
 * @param innerRadius rings only: radius of class "0"
 * @param outerRadius rings only: radius of class "1"
 * @param classes     gaussians only: number of blobs, 2..10
 */
public record GeneratorSpec(String kind, int samples, double noise, long seed, double innerRadius,
                            double outerRadius, int classes) {
    public static final List<String> KINDS = List.of("and", "or", "xor", "rings", "spirals", "moons", "gaussians");
    public static final int MAX_SAMPLES = 1_000_000;

    public GeneratorSpec {
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("generator kind must be one of " + KINDS + ", got '" + kind + "'");
        }
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be in [1, " + MAX_SAMPLES + "], got " + samples);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        // !(r > 0) also rejects NaN
        if (!(innerRadius > 0) || !(outerRadius > 0) || Double.isInfinite(outerRadius) || !(innerRadius < outerRadius)) {
            throw new IllegalArgumentException("radii must be finite, > 0 and inner < outer, got inner="
                    + innerRadius + ", outer=" + outerRadius);
        }
        if (classes < 2 || classes > 10) {
            throw new IllegalArgumentException("classes must be in [2, 10], got " + classes);
        }
    }

    /** Defaults: radii 1 and 2 (as in the course notes), 2 classes. */
    public GeneratorSpec(String kind, int samples, double noise, long seed) {
        this(kind, samples, noise, seed, 1, 2, 2);
    }
}
