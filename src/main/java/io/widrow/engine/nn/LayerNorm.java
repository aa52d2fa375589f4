package io.widrow.engine.nn;

import io.widrow.engine.tensor.Matrix;
import java.util.List;

/**
 * Layer normalization: each sample is normalized over its own features, then scaled by γ and shifted by
 * β. Unlike BatchNorm it behaves identically in training and inference and works with batches of one.
 */
public final class LayerNorm implements Layer {
    private final int size;
    private final double epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private Matrix xhat;
    private Matrix y;
    private Matrix gradInput;
    /** 1/√(σ² + ε) per row of the last forward; grown with the batch like the matrices. */
    private double[] invStd = new double[0];

    public LayerNorm(int size, double epsilon) {
        if (size < 1) {
            throw new IllegalArgumentException("layernorm size must be >= 1, got " + size);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("layernorm epsilon must be > 0, got " + epsilon);
        }
        this.size = size;
        this.epsilon = epsilon;
        this.gamma = Parameter.zeros("gamma", 1, size, false);
        this.beta = Parameter.zeros("beta", 1, size, false);
        java.util.Arrays.fill(gamma.value(), 1f);
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public Matrix forward(Matrix input, boolean training) {
        Buffers.requireCols(input, size, "layernorm", "input");
        int n = input.rows();
        xhat = Buffers.ensure(xhat, n, size);
        y = Buffers.ensure(y, n, size);
        if (invStd.length < n) {
            invStd = new double[n];
        }
        float[] x = input.data();
        float[] xh = xhat.data();
        float[] out = y.data();
        float[] g = gamma.value();
        float[] b = beta.value();
        for (int r = 0; r < n; r++) {
            int off = r * size;
            double mean = 0;
            for (int j = 0; j < size; j++) {
                mean += x[off + j];
            }
            mean /= size;
            double var = 0;
            for (int j = 0; j < size; j++) {
                double d = x[off + j] - mean;
                var += d * d;
            }
            double inv = 1.0 / Math.sqrt(var / size + epsilon);
            invStd[r] = inv;
            for (int j = 0; j < size; j++) {
                float v = (float) ((x[off + j] - mean) * inv);
                xh[off + j] = v;
                out[off + j] = g[j] * v + b[j];
            }
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
        Buffers.requireForward(xhat, "layernorm");
        Buffers.requireCols(gradOutput, size, "layernorm", "gradOutput");
        int n = gradOutput.rows();
        if (n != xhat.rows()) {
            throw new IllegalArgumentException("layernorm gradOutput has " + n + " rows but the last forward batch had "
                    + xhat.rows());
        }
        gradInput = Buffers.ensure(gradInput, n, size);
        float[] g = gradOutput.data();
        float[] xh = xhat.data();
        float[] gm = gamma.value();
        float[] dGamma = gamma.grad();
        float[] dBeta = beta.grad();
        float[] dx = gradInput.data();
        java.util.Arrays.fill(dGamma, 0f);
        java.util.Arrays.fill(dBeta, 0f);
        for (int r = 0; r < n; r++) {
            int off = r * size;
            // Mean and variance depend on every feature of the row, hence the two row-sum corrections.
            double sum = 0;
            double sumX = 0;
            for (int j = 0; j < size; j++) {
                double gy = (double) g[off + j] * gm[j];
                sum += gy;
                sumX += gy * xh[off + j];
                dGamma[j] += g[off + j] * xh[off + j];
                dBeta[j] += g[off + j];
            }
            double scale = invStd[r] / size;
            for (int j = 0; j < size; j++) {
                double gy = (double) g[off + j] * gm[j];
                dx[off + j] = (float) (scale * (size * gy - sum - xh[off + j] * sumX));
            }
        }
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public String kind() {
        return "layernorm";
    }
}
