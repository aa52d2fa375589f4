package io.widrow.engine.linear;

import io.widrow.engine.data.Dataset;
import java.util.Arrays;

/**
 * A Dataset seen as a single-output linear problem: features plus one float target per row (the class
 * index 0/1 for binary classification, the value for regression), and the loss/accuracy definitions the
 * trainer reports.
 */
final class LinearProblem {
    final float[] x;
    final int rows;
    final int cols;
    /** Class index per row (classification), else null. */
    final int[] labels;
    final float[] targets;
    final String[] classes;

    private LinearProblem(Dataset d, int[] labels, float[] targets) {
        this.x = d.x();
        this.rows = d.rows();
        this.cols = d.features();
        this.labels = labels;
        this.targets = targets;
        this.classes = d.classes();
    }

    static LinearProblem of(String model, Dataset d, String role) {
        if (d.rows() < 1) {
            throw new IllegalArgumentException(role + " set is empty");
        }
        if (d.isClassification()) {
            if (d.classCount() != 2) {
                throw new IllegalArgumentException(model + " needs exactly 2 classes, got " + d.classCount()
                        + " " + Arrays.toString(d.classes()) + " in the " + role + " set");
            }
            int[] labels = d.labels();
            float[] t = new float[d.rows()];
            for (int i = 0; i < t.length; i++) {
                t[i] = labels[i];
            }
            return new LinearProblem(d, labels, t);
        }
        if (model.equals(LinearTrainer.PERCEPTRON)) {
            throw new IllegalArgumentException("perceptron needs a classification set with exactly 2 classes, "
                    + "got a regression " + role + " set");
        }
        if (d.targetCols() != 1) {
            throw new IllegalArgumentException(model + " regression needs exactly 1 target column, got "
                    + d.targetCols() + " in the " + role + " set");
        }
        return new LinearProblem(d, null, d.targets());
    }

    boolean classification() {
        return labels != null;
    }

    void requireCompatible(LinearProblem validation) {
        if (validation.cols != cols) {
            throw new IllegalArgumentException("validation set has " + validation.cols + " features, training set "
                    + cols);
        }
        if (validation.classification() != classification()
                || (classification() && !Arrays.equals(validation.classes, classes))) {
            throw new IllegalArgumentException("validation classes " + Arrays.toString(validation.classes)
                    + " differ from training classes " + Arrays.toString(classes));
        }
    }

    /** ADALINE: E = 1/(2N) Σ (t − z)². Perceptron: fraction misclassified by H(z). */
    double loss(LinearUnit unit, boolean perceptron) {
        float[] w = unit.weightArray();
        float b = unit.bias();
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double z = LinearUnit.dot(w, b, x, r);
            if (perceptron) {
                sum += (z >= 0 ? 1 : 0) != labels[r] ? 1 : 0;
            } else {
                double e = targets[r] - z;
                sum += e * e;
            }
        }
        return perceptron ? sum / rows : sum / (2.0 * rows);
    }

    /** Fraction with (z ≥ threshold) equal to the class; NaN for regression. */
    double accuracy(LinearUnit unit, double threshold) {
        if (!classification()) {
            return Double.NaN;
        }
        float[] w = unit.weightArray();
        float b = unit.bias();
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int y = LinearUnit.dot(w, b, x, r) >= threshold ? 1 : 0;
            correct += y == labels[r] ? 1 : 0;
        }
        return (double) correct / rows;
    }
}
