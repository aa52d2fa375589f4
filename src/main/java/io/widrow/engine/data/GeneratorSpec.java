package io.widrow.engine.data;

/** TODO (helper C): validation. kind = and | or | xor | rings | spirals | moons | gaussians. */
public record GeneratorSpec(String kind, int samples, double noise, long seed) {
}
