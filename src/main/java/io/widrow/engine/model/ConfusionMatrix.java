package io.widrow.engine.model;

import io.widrow.engine.data.Dataset;

/**
 * Counts of (true class, predicted class) for a classifier on labelled rows: {@code counts[t][p]}.
 * Predicts in blocks so a large validation set never needs one giant output buffer.
 */
public record ConfusionMatrix(String[] classes, long[][] counts, long rows) {
    private static final int BLOCK = 4096;

    /** {@code data} holds raw inputs with labels in {@code model}'s class order. */
    public static ConfusionMatrix of(TrainedModel model, Dataset data) {
        if (model.task() != Dataset.Task.CLASSIFICATION || !data.isClassification()) {
            throw new IllegalArgumentException("a confusion matrix needs a classifier and labelled rows");
        }
        if (data.features() != model.inputs()) {
            throw new IllegalArgumentException("the model takes " + model.inputs() + " inputs but the rows have "
                    + data.features());
        }
        String[] classes = model.classes();
        int k = classes.length;
        long[][] counts = new long[k][k];
        float[] x = data.x();
        int[] labels = data.labels();
        int f = data.features();
        for (int from = 0; from < data.rows(); from += BLOCK) {
            int n = Math.min(BLOCK, data.rows() - from);
            float[] block = new float[n * f];
            System.arraycopy(x, from * f, block, 0, n * f);
            int[] predicted = model.predict(block, n).labels();
            for (int i = 0; i < n; i++) {
                int t = labels[from + i];
                if (t >= 0 && t < k) {
                    counts[t][predicted[i]]++;
                }
            }
        }
        return new ConfusionMatrix(classes.clone(), counts, data.rows());
    }

    /** Share of rows on the diagonal; NaN for no rows. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts[t].length; p++) {
                all += counts[t][p];
                if (t == p) {
                    right += counts[t][p];
                }
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }
}
