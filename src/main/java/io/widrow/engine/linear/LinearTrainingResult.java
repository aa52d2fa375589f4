package io.widrow.engine.linear;

/**
 * What a linear training run produced.
 *
 * @param model        perceptron | adaline
 * @param weights      one per (mapped, standardized) input feature
 * @param threshold    decision threshold on z: 0 for the perceptron (H(z)), θ for an ADALINE classifier,
 *                     NaN for ADALINE regression (z is the prediction)
 * @param epochsRun    completed epochs (a cancelled epoch is not counted, though its updates remain)
 * @param bestEpoch    epoch (from 1) with the lowest monitored loss
 * @param earlyStopped stopped because the monitored loss stopped improving
 * @param cancelled    stopped because the caller asked to
 */
public record LinearTrainingResult(String model, float[] weights, float bias, double threshold, int epochsRun,
                                   int bestEpoch, boolean earlyStopped, boolean cancelled) {
    public LinearTrainingResult {
        weights = weights.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }
}
