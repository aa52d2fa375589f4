package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/** Glorot & Bengio (2010): U(±sqrt(6 / (fanIn + fanOut))), variance 2 / (fanIn + fanOut). */
public final class XavierUniform implements Initializer {
    @Override
    public String name() {
        return "xavier_uniform";
    }

    @Override
    public void initialize(float[] w, int fanIn, int fanOut, Rng rng) {
        InitKernels.requireFans(w, fanIn, fanOut);
        InitKernels.fillUniform(w, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
    }
}
