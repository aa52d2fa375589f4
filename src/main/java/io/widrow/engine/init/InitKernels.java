package io.widrow.engine.init;

import io.widrow.engine.tensor.Rng;

/** Fill loops shared by the initializers; drawing order is element order so a seed fixes the weights. */
final class InitKernels {
    private InitKernels() {
    }

    static void fillUniform(float[] w, double limit, Rng rng) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.uniform(-limit, limit);
        }
    }

    static void fillNormal(float[] w, double std, Rng rng) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (std * rng.nextGaussian());
        }
    }

    static void requireFans(float[] w, int fanIn, int fanOut) {
        if (fanIn < 1 || fanOut < 1 || (long) fanIn * fanOut != w.length) {
            throw new IllegalArgumentException("cannot initialize " + w.length + " weights as " + fanOut + "x" + fanIn);
        }
    }

    /** He gain² = 2 / (1 + α²): keeps the forward variance for (leaky) ReLU, which zeroes half the signal. */
    static double heVarianceScale(double leakyAlpha) {
        return 2.0 / (1.0 + leakyAlpha * leakyAlpha);
    }
}
