package io.widrow.engine.data;

import java.util.Arrays;

/**
 * An in-memory table of samples: features as one row-major float array ({@code rows × features}) and
 * either class indices (classification) or float targets ({@code rows × targetCols}, regression). Held
 * once, as primitives; subsets copy only the rows they keep.
 */
public final class Dataset {
    public enum Task { CLASSIFICATION, REGRESSION }

    private final float[] x;
    private final int rows;
    private final int features;
    private final String[] featureNames;
    private final Task task;
    private final int[] labels;
    private final String[] classes;
    private final float[] targets;
    private final int targetCols;

    private Dataset(float[] x, int rows, int features, String[] featureNames, Task task, int[] labels,
                    String[] classes, float[] targets, int targetCols) {
        if (x.length != rows * features) {
            throw new IllegalArgumentException("feature array has " + x.length + " values, expected " + rows + "x" + features);
        }
        if (featureNames.length != features) {
            throw new IllegalArgumentException(featureNames.length + " feature names for " + features + " features");
        }
        this.x = x;
        this.rows = rows;
        this.features = features;
        this.featureNames = featureNames;
        this.task = task;
        this.labels = labels;
        this.classes = classes;
        this.targets = targets;
        this.targetCols = targetCols;
    }

    /** A classification set; {@code labels[i]} indexes {@code classes}. Arrays are not copied. */
    public static Dataset classification(float[] x, int rows, int features, String[] featureNames,
                                         int[] labels, String[] classes) {
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
        for (int i = 0; i < rows; i++) {
            if (labels[i] < 0 || labels[i] >= classes.length) {
                throw new IllegalArgumentException("label of row " + i + " is " + labels[i] + ", outside 0.." + (classes.length - 1));
            }
        }
        return new Dataset(x, rows, features, featureNames, Task.CLASSIFICATION, labels, classes, null, 0);
    }

    /** A regression set with {@code targetCols} targets per row. Arrays are not copied. */
    public static Dataset regression(float[] x, int rows, int features, String[] featureNames,
                                     float[] targets, int targetCols) {
        if (targets.length != rows * targetCols) {
            throw new IllegalArgumentException(targets.length + " target values for " + rows + "x" + targetCols);
        }
        return new Dataset(x, rows, features, featureNames, Task.REGRESSION, null, null, targets, targetCols);
    }

    /** Default names x1..xn. */
    public static String[] defaultFeatureNames(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "x" + (i + 1);
        }
        return names;
    }

    public float[] x() {
        return x;
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    public String[] featureNames() {
        return featureNames.clone();
    }

    public Task task() {
        return task;
    }

    public boolean isClassification() {
        return task == Task.CLASSIFICATION;
    }

    /** Class index per row (classification only). */
    public int[] labels() {
        return labels;
    }

    public String[] classes() {
        return classes == null ? new String[0] : classes.clone();
    }

    public int classCount() {
        return classes == null ? 0 : classes.length;
    }

    /** Row-major targets (regression only). */
    public float[] targets() {
        return targets;
    }

    /** Targets per row: 1 or more for regression, 0 for classification. */
    public int targetCols() {
        return targetCols;
    }

    public float feature(int row, int col) {
        return x[row * features + col];
    }

    /** A new dataset holding copies of the given rows, in that order. */
    public Dataset subset(int[] indices) {
        float[] nx = new float[indices.length * features];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * features, nx, i * features, features);
        }
        if (task == Task.CLASSIFICATION) {
            int[] nl = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                nl[i] = labels[indices[i]];
            }
            return new Dataset(nx, indices.length, features, featureNames, task, nl, classes, null, 0);
        }
        float[] nt = new float[indices.length * targetCols];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(targets, indices[i] * targetCols, nt, i * targetCols, targetCols);
        }
        return new Dataset(nx, indices.length, features, featureNames, task, null, null, nt, targetCols);
    }

    /** The first {@code n} rows (copied). */
    public Dataset head(int n) {
        int[] idx = new int[Math.min(n, rows)];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    /** A copy with the same labels/targets and new features (used by feature maps and standardization). */
    public Dataset withFeatures(float[] newX, int newFeatures, String[] newNames) {
        return new Dataset(newX, rows, newFeatures, newNames, task, labels, classes, targets, targetCols);
    }

    /** Number of rows per class (classification only). */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int i = 0; i < rows; i++) {
            counts[labels[i]]++;
        }
        return counts;
    }
}
