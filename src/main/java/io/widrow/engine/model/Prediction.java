package io.widrow.engine.model;

/**
 * Model outputs for a batch, row-major ({@code rows × cols}): class probabilities (columns follow
 * {@code classes}) for classification, target values for regression.
 *
 * @param labels predicted class index per row (classification), null for regression
 */
public record Prediction(int rows, int cols, float[] outputs, int[] labels) {
    public float output(int row, int col) {
        return outputs[row * cols + col];
    }
}
