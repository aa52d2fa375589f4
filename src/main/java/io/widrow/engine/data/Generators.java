package io.widrow.engine.data;

/** TODO (helper C): seeded playground data sets. */
public final class Generators {
    private Generators() {
    }

    public static Dataset generate(GeneratorSpec spec) {
        throw new UnsupportedOperationException("TODO");
    }
}
