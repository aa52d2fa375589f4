package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/** He et al. (2015), fan-in mode: U(±sqrt(6 / ((1 + α²)·fanIn))), the same variance as {@link HeNormal}. */
public final class HeUniform implements Initializer {
    private final double leakyAlpha;

    public HeUniform(double leakyAlpha) {
        this.leakyAlpha = leakyAlpha;
    }

    @Override
    public String name() {
        return "he_uniform";
    }

    @Override
    public void initialize(float[] w, int fanIn, int fanOut, Rng rng) {
        InitKernels.requireFans(w, fanIn, fanOut);
        InitKernels.fillUniform(w, Math.sqrt(3 * InitKernels.heVarianceScale(leakyAlpha) / fanIn), rng);
    }
}
