package io.widrow.engine.linear;

import io.widrow.engine.train.CheckpointIo;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Widrow and Hoff's ADALINE: a linear output z = w·x + b fitted to t by least mean squares,
 * E = 1/(2N) Σ (t − z)², and thresholded only at inference (class 1 if z ≥ θ). Unlike the perceptron it
 * corrects every sample in proportion to its error, so it also fits regression targets.
 */
public final class Adaline extends LinearUnit {
    public static final double DEFAULT_THRESHOLD = 0.5;

    private double threshold = DEFAULT_THRESHOLD;
    /** The current mini-batch's Σ (t − z)x and Σ (t − z); preallocated so training never allocates. */
    private final double[] batchW;
    private double batchB;
    /** Σ of the weight gradients applied since the last reset, and how many: their mean is reported. */
    private final double[] gradSum;
    private int gradSteps;

    public Adaline(int inputs) {
        super(inputs, "an ADALINE");
        this.batchW = new double[inputs];
        this.gradSum = new double[inputs];
    }

    public double threshold() {
        return threshold;
    }

    public void setThreshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        this.threshold = threshold;
    }

    /** Class 1 if z ≥ θ. */
    public int predict(float[] x, int row) {
        return LinearUnit.dot(w, b, x, row) >= threshold ? 1 : 0;
    }

    /**
     * One pass over rows {@code order[0..n)} of {@code x} ({@code cols} columns) with {@code targets[row]};
     * batchSize 1 is online LMS, larger sizes average the gradient over each batch. Returns the number of
     * weight updates.
     */
    public int trainEpoch(float[] x, int cols, float[] targets, int[] order, int n, double eta, int batchSize) {
        LinearUnit.requireCols(cols, w.length);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        LinearUnit.requireRange(order, 0, n);
        int updates = 0;
        for (int from = 0; from < n; from += batchSize) {
            trainBatch(x, targets, order, from, Math.min(n, from + batchSize), eta);
            updates++;
        }
        return updates;
    }

    /**
     * One update from rows {@code order[from..to)}: the sample's own LMS step if it is a single row,
     * else w ← w − η ∂E/∂w with ∂E/∂w = −1/m Σ (t − z)x over the m rows, all z taken before the step.
     */
    public void trainBatch(float[] x, float[] targets, int[] order, int from, int to, double eta) {
        LinearUnit.requireRange(order, from, to);
        int m = to - from;
        if (m == 0) {
            return;
        }
        int n = w.length;
        Arrays.fill(batchW, 0);
        batchB = 0;
        for (int i = from; i < to; i++) {
            int row = order[i];
            double err = targets[row] - LinearUnit.dot(w, b, x, row);
            int base = row * n;
            for (int j = 0; j < n; j++) {
                batchW[j] += err * x[base + j];
            }
            batchB += err;
        }
        for (int j = 0; j < n; j++) {
            double meanErrX = batchW[j] / m;
            w[j] = (float) (w[j] + eta * meanErrX);
            gradSum[j] -= meanErrX;
        }
        b = (float) (b + eta * (batchB / m));
        gradSteps++;
    }

    /** L2 norm of the mean weight gradient over the updates since the last reset (0 if none). */
    @Override
    public double gradientNorm() {
        return gradSteps == 0 ? 0 : LinearUnit.norm(gradSum, 1.0 / gradSteps);
    }

    @Override
    public void resetGradientStats() {
        Arrays.fill(gradSum, 0);
        gradSteps = 0;
    }

    @Override
    void writeGradientStats(DataOutput out) throws IOException {
        CheckpointIo.writeDoubles(out, gradSum);
        out.writeInt(gradSteps);
    }

    @Override
    void readGradientStats(DataInput in) throws IOException {
        CheckpointIo.readDoubles(in, gradSum, "the ADALINE's gradient sums");
        gradSteps = in.readInt();
    }
}
