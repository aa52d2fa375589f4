package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/** All zeros; draws nothing from the generator, so it does not shift later layers' streams. */
public final class Zeros implements Initializer {
    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public void initialize(float[] w, int fanIn, int fanOut, Rng rng) {
        InitKernels.requireFans(w, fanIn, fanOut);
        java.util.Arrays.fill(w, 0f);
    }
}
