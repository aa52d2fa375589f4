package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/** Fills a freshly created weight tensor. */
public interface Initializer {
    /** The JSON name, e.g. he_normal. */
    String name();

    /**
     * Overwrites {@code w} (a row-major fanOut × fanIn weight matrix) with initial values drawn from
     * {@code rng}.
     */
    void initialize(float[] w, int fanIn, int fanOut, Rng rng);
}
