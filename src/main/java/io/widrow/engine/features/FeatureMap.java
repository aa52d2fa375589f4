package io.widrow.engine.features;

/** TODO (helper C): none | interactions | poly2. */
public final class FeatureMap {
    private FeatureMap() {
    }

    public static void requireKnown(String name) {
        throw new UnsupportedOperationException("TODO");
    }
}
