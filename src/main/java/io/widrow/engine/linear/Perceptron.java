package io.widrow.engine.linear;

import io.widrow.engine.train.CheckpointIo;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Rosenblatt's perceptron: y = H(w·x + b) with H(z) = 1 if z ≥ 0 else 0, trained by the perceptron rule
 * w ← w + η(t − y)x, b ← b + η(t − y) on misclassified samples only (t ∈ {0, 1}). Weights start at 0,
 * the classic rule, so training is deterministic given the sample order.
 */
public final class Perceptron extends LinearUnit {
    /** Σ (t − y)x over the updates since the last reset: the accumulated update divided by η. */
    private final double[] updateSum;

    public Perceptron(int inputs) {
        super(inputs, "a perceptron");
        this.updateSum = new double[inputs];
    }

    /** H(w·x + b), decided on the double score so a float rounding cannot flip z = 0. */
    public int predict(float[] x, int row) {
        return LinearUnit.dot(w, b, x, row) >= 0 ? 1 : 0;
    }

    /** One pass over rows {@code order[0..n)}; returns the number of updates (misclassified samples). */
    public int trainEpoch(float[] x, int cols, int[] targets01, int[] order, int n, double eta) {
        LinearUnit.requireCols(cols, w.length);
        return trainRange(x, targets01, order, 0, n, eta);
    }

    /** Rows {@code order[from..to)}, so a caller can stop between samples; returns the number of updates. */
    public int trainRange(float[] x, int[] targets01, int[] order, int from, int to, double eta) {
        LinearUnit.requireRange(order, from, to);
        int updates = 0;
        for (int i = from; i < to; i++) {
            updates += trainSample(x, order[i], targets01[order[i]], eta);
        }
        return updates;
    }

    /** Returns 1 if the sample was misclassified (and the weights moved), else 0. */
    int trainSample(float[] x, int row, int target, double eta) {
        int err = target - predict(x, row);
        if (err == 0) {
            return 0;
        }
        int base = row * w.length;
        for (int j = 0; j < w.length; j++) {
            float xj = x[base + j];
            w[j] = (float) (w[j] + eta * err * xj);
            updateSum[j] += err * (double) xj;
        }
        b = (float) (b + eta * err);
        return 1;
    }

    @Override
    public double gradientNorm() {
        return LinearUnit.norm(updateSum, 1);
    }

    @Override
    public void resetGradientStats() {
        Arrays.fill(updateSum, 0);
    }

    @Override
    void writeGradientStats(DataOutput out) throws IOException {
        CheckpointIo.writeDoubles(out, updateSum);
    }

    @Override
    void readGradientStats(DataInput in) throws IOException {
        CheckpointIo.readDoubles(in, updateSum, "the perceptron's update sums");
    }
}
