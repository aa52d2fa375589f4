package io.widrow.engine.features;

import io.widrow.engine.data.Dataset;

/**
 * Per-column standardization x ← (x − μ) / (σ + ε), fitted on the training set and stored with the model
 * so prediction inputs get exactly the same transform. σ is the population standard deviation; μ and σ
 * are accumulated in double because float sums over many rows lose the small differences that matter.
 */
public final class Standardizer {
    /** Keeps constant columns (σ = 0) finite: they map to 0 instead of NaN. */
    public static final double EPSILON = 1e-8;

    private final double[] means;
    private final double[] stds;
    /** μ and 1 / (σ + ε) rounded to float once: the per-element transform is then a float subtract and multiply. */
    private final float[] shift;
    private final float[] scale;

    /** Restores a fitted standardizer from stored statistics (copied). */
    public Standardizer(double[] means, double[] stds) {
        if (means.length != stds.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " standard deviations");
        }
        for (int c = 0; c < means.length; c++) {
            if (!Double.isFinite(means[c])) {
                throw new IllegalArgumentException("mean of column " + c + " must be finite, got " + means[c]);
            }
            if (!(stds[c] >= 0) || Double.isInfinite(stds[c])) {
                throw new IllegalArgumentException("std of column " + c + " must be finite and >= 0, got " + stds[c]);
            }
        }
        this.means = means.clone();
        this.stds = stds.clone();
        this.shift = new float[means.length];
        this.scale = new float[means.length];
        for (int c = 0; c < means.length; c++) {
            shift[c] = (float) means[c];
            scale[c] = (float) (1.0 / (stds[c] + EPSILON));
        }
    }

    /** Fits μ and σ per column of {@code data}'s features (two passes, for accuracy). */
    public static Standardizer fit(Dataset data) {
        return fit(data.x(), data.rows(), data.features());
    }

    public static Standardizer fit(float[] x, int rows, int cols) {
        if (rows < 1) {
            throw new IllegalArgumentException("cannot fit a standardizer on " + rows + " rows");
        }
        double[] mean = new double[cols];
        double[] var = new double[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                mean[c] += x[base + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                double d = x[base + c] - mean[c];
                var[c] += d * d;
            }
        }
        for (int c = 0; c < cols; c++) {
            double std = Math.sqrt(var[c] / rows);
            // A column constant in training (an image border) is only centred: dividing by ~0 would
            // turn any value it takes at prediction time into an enormous input.
            var[c] = std < 1e-6 ? 1.0 : std;
        }
        return new Standardizer(mean, var);
    }

    public int columns() {
        return means.length;
    }

    public double[] means() {
        return means.clone();
    }

    public double[] stds() {
        return stds.clone();
    }

    /** Mutates {@code x} ({@code rows × columns()}, row-major). */
    public void applyInPlace(float[] x, int rows) {
        int cols = means.length;
        if (rows < 0 || (long) rows * cols > x.length) {
            throw new IllegalArgumentException("array of " + x.length + " floats cannot hold " + rows + "x" + cols);
        }
        // A division in double per value kept this scalar; it cost more than the first layer's product
        // when predicting a batch of images.
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                x[base + c] = (x[base + c] - shift[c]) * scale[c];
            }
        }
    }

    /** A standardized copy of {@code data}; the original is untouched. */
    public Dataset apply(Dataset data) {
        if (data.features() != means.length) {
            throw new IllegalArgumentException("standardizer fitted on " + means.length + " features, data has "
                    + data.features());
        }
        float[] copy = data.x().clone();
        applyInPlace(copy, data.rows());
        return data.withFeatures(copy, data.features(), data.featureNames());
    }
}
