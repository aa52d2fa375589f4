package io.widrow.engine.model;

/**
 * The trained state of a perceptron or ADALINE: one weight per (mapped, standardized) feature, a bias,
 * and the decision threshold θ on the linear output (0 for the perceptron's step, settable for ADALINE).
 */
public record LinearWeights(float[] weights, float bias, double threshold) {
    public LinearWeights {
        weights = weights.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /** w·x + b for one row of a row-major array. */
    public double score(float[] x, int offset) {
        double z = bias;
        for (int j = 0; j < weights.length; j++) {
            z += (double) weights[j] * x[offset + j];
        }
        return z;
    }
}
