package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/** He et al. (2015), fan-in mode: N(0, 2 / ((1 + α²)·fanIn)), α the leaky-ReLU slope (0 for ReLU). */
public final class HeNormal implements Initializer {
    private final double leakyAlpha;

    public HeNormal(double leakyAlpha) {
        this.leakyAlpha = leakyAlpha;
    }

    @Override
    public String name() {
        return "he_normal";
    }

    @Override
    public void initialize(float[] w, int fanIn, int fanOut, Rng rng) {
        InitKernels.requireFans(w, fanIn, fanOut);
        InitKernels.fillNormal(w, Math.sqrt(InitKernels.heVarianceScale(leakyAlpha) / fanIn), rng);
    }
}
