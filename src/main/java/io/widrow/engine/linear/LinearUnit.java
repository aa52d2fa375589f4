package io.widrow.engine.linear;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A single linear neuron z = w·x + b, whatever its learning rule: holds the weights and what the
 * trainer needs from every rule.
 */
abstract class LinearUnit {
    final float[] w;
    float b;

    LinearUnit(int inputs, String what) {
        if (inputs < 1) {
            throw new IllegalArgumentException(what + " needs >= 1 input, got " + inputs);
        }
        this.w = new float[inputs];
    }

    public int inputs() {
        return w.length;
    }

    /** A copy of the weights. */
    public float[] weights() {
        return w.clone();
    }

    /** The live weight array (not a copy): the trainer snapshots it for early stopping. */
    float[] weightArray() {
        return w;
    }

    public float bias() {
        return b;
    }

    /** Mutates: copies {@code weights} into the weights and sets the bias. */
    public void setWeights(float[] weights, float bias) {
        requireCols(weights.length, w.length);
        System.arraycopy(weights, 0, w, 0, w.length);
        this.b = bias;
    }

    /** z = w·x + b for row {@code row} of a row-major array with {@code inputs()} columns. */
    public float score(float[] x, int row) {
        return (float) dot(w, b, x, row);
    }

    /** L2 norm of the weight gradient accumulated since the last reset, as the trainer reports it. */
    abstract double gradientNorm();

    /** Mutates: starts a new accumulation period for {@link #gradientNorm()}. */
    abstract void resetGradientStats();

    /** Saves the accumulation behind {@link #gradientNorm()}, so a resumed epoch reports the same norm. */
    abstract void writeGradientStats(DataOutput out) throws IOException;

    /** Mutates: restores what {@link #writeGradientStats} saved. */
    abstract void readGradientStats(DataInput in) throws IOException;

    /** z computed in double so long rows do not lose precision before the threshold test. */
    static double dot(float[] w, float b, float[] x, int row) {
        int n = w.length;
        int base = row * n;
        double z = b;
        for (int j = 0; j < n; j++) {
            z += (double) w[j] * x[base + j];
        }
        return z;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return Math.sqrt(s);
    }

    static double norm(double[] v, double scale) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s) * scale;
    }

    static void requireCols(int cols, int inputs) {
        if (cols != inputs) {
            throw new IllegalArgumentException("data has " + cols + " columns, the unit has " + inputs + " inputs");
        }
    }

    static void requireRange(int[] order, int from, int to) {
        if (from < 0 || to > order.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside order of " + order.length);
        }
    }
}
