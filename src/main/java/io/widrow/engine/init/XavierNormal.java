package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/** Glorot & Bengio (2010): N(0, 2 / (fanIn + fanOut)), untruncated. */
public final class XavierNormal implements Initializer {
    @Override
    public String name() {
        return "xavier_normal";
    }

    @Override
    public void initialize(float[] w, int fanIn, int fanOut, Rng rng) {
        InitKernels.requireFans(w, fanIn, fanOut);
        InitKernels.fillNormal(w, Math.sqrt(2.0 / (fanIn + fanOut)), rng);
    }
}
