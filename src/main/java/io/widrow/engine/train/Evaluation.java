package io.widrow.engine.train;

/** Loss and accuracy of a model on a dataset (accuracy NaN for regression). */
public record Evaluation(double loss, double accuracy) {
    public static final Evaluation NONE = new Evaluation(Double.NaN, Double.NaN);
}
