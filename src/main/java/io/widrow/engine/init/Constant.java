package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/** Every weight set to one value; draws nothing from the generator. */
public final class Constant implements Initializer {
    private final float value;

    public Constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant init value must be finite, got " + value);
        }
        this.value = (float) value;
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public void initialize(float[] w, int fanIn, int fanOut, Rng rng) {
        InitKernels.requireFans(w, fanIn, fanOut);
        java.util.Arrays.fill(w, value);
    }
}
