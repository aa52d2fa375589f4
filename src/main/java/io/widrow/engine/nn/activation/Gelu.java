package io.widrow.engine.nn.activation;

import io.widrow.engine.tensor.Elementwise;
import io.widrow.engine.tensor.Matrix;

/**
 * Exact GELU x·Φ(x), not the tanh approximation: gradient checks and other engines' reference values
 * agree only with the exact form. The layer evaluates it, and its derivative Φ(x) + x·φ(x), in float on
 * the engine's element kernels (vector, split over the pool, the same bits on every path): x·Φ(x) within
 * 5 ulps (relative 6e-7) of the double value wherever that is a normal float, including the far negative
 * tail down to x ≈ −13.1; below that the value would be subnormal and is flushed to −0.0, as are subnormal
 * gradients, since a subnormal slows every product it reaches (see {@code FloatGelu.flush}). The
 * derivative is within 6 ulps of the larger of its two terms. In double, one element at a time (an erfc
 * and an exp per element), the forward and backward passes over 128 × 384 activations took ~2 ms on two
 * cores; in float they take ~0.13 ms. The tests check it against a double reference (Cody's erfc).
 */
public final class Gelu implements Activation {
    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        z.requireSameShape(a);
        Elementwise.gelu(z.data(), a.data(), z.size());
    }

    /** d/dx x·Φ(x) = Φ(x) + x·φ(x). */
    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        z.requireSameShape(gradA);
        gradA.requireSameShape(gradZ);
        Elementwise.geluBackward(z.data(), gradA.data(), gradZ.data(), z.size());
    }
}
