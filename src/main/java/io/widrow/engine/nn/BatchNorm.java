package io.widrow.engine.nn;

import io.widrow.engine.tensor.Matrix;
import java.util.List;

/**
 * Batch normalization per feature: y = γ·(x − μ)/√(σ² + ε) + β. Training uses the batch's mean and
 * biased variance and folds them into running averages; inference uses the running averages, so a
 * prediction never depends on which other samples share its batch.
 */
public final class BatchNorm implements Layer {
    private final int size;
    private final double momentum;
    private final double epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    /** Per-feature statistics of the last forward, in double so 1/√(σ² + ε) keeps its precision. */
    private final double[] mean;
    private final double[] invStd;
    private boolean lastTraining;
    private Matrix xhat;
    private Matrix y;
    private Matrix gradInput;

    public BatchNorm(int size, double momentum, double epsilon) {
        if (size < 1) {
            throw new IllegalArgumentException("batchnorm size must be >= 1, got " + size);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("batchnorm momentum must be in [0, 1), got " + momentum);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("batchnorm epsilon must be > 0, got " + epsilon);
        }
        this.size = size;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.gamma = Parameter.zeros("gamma", 1, size, false);
        this.beta = Parameter.zeros("beta", 1, size, false);
        this.runningMean = Parameter.zeros("running_mean", 1, size, false);
        this.runningVar = Parameter.zeros("running_var", 1, size, false);
        java.util.Arrays.fill(gamma.value(), 1f);
        java.util.Arrays.fill(runningVar.value(), 1f);
        this.mean = new double[size];
        this.invStd = new double[size];
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
        Buffers.requireCols(input, size, "batchnorm", "input");
        int n = input.rows();
        xhat = Buffers.ensure(xhat, n, size);
        y = Buffers.ensure(y, n, size);
        lastTraining = training;
        if (training && n > 0) {
            batchStatistics(input.data(), n);
        } else {
            for (int j = 0; j < size; j++) {
                mean[j] = runningMean.value()[j];
                invStd[j] = 1.0 / Math.sqrt(runningVar.value()[j] + epsilon);
            }
        }
        normalize(input.data(), n);
        return y;
    }

    /** Two-pass mean/variance (no catastrophic cancellation) and the running-average update. */
    private void batchStatistics(float[] x, int n) {
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(invStd, 0);
        for (int r = 0; r < n; r++) {
            for (int j = 0, off = r * size; j < size; j++) {
                mean[j] += x[off + j];
            }
        }
        for (int j = 0; j < size; j++) {
            mean[j] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0, off = r * size; j < size; j++) {
                double d = x[off + j] - mean[j];
                invStd[j] += d * d;
            }
        }
        float[] rm = runningMean.value();
        float[] rv = runningVar.value();
        for (int j = 0; j < size; j++) {
            double var = invStd[j] / n;
            rm[j] = (float) (momentum * rm[j] + (1 - momentum) * mean[j]);
            rv[j] = (float) (momentum * rv[j] + (1 - momentum) * var);
            invStd[j] = 1.0 / Math.sqrt(var + epsilon);
        }
    }

    private void normalize(float[] x, int n) {
        float[] xh = xhat.data();
        float[] out = y.data();
        float[] g = gamma.value();
        float[] b = beta.value();
        for (int r = 0; r < n; r++) {
            for (int j = 0, off = r * size; j < size; j++) {
                float v = (float) ((x[off + j] - mean[j]) * invStd[j]);
                xh[off + j] = v;
                out[off + j] = g[j] * v + b[j];
            }
        }
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
        Buffers.requireForward(xhat, "batchnorm");
        Buffers.requireCols(gradOutput, size, "batchnorm", "gradOutput");
        int n = gradOutput.rows();
        if (n != xhat.rows()) {
            throw new IllegalArgumentException("batchnorm gradOutput has " + n + " rows but the last forward batch had "
                    + xhat.rows());
        }
        gradInput = Buffers.ensure(gradInput, n, size);
        float[] g = gradOutput.data();
        float[] xh = xhat.data();
        float[] dGamma = gamma.grad();
        float[] dBeta = beta.grad();
        java.util.Arrays.fill(dGamma, 0f);
        java.util.Arrays.fill(dBeta, 0f);
        for (int r = 0; r < n; r++) {
            for (int j = 0, off = r * size; j < size; j++) {
                dGamma[j] += g[off + j] * xh[off + j];
                dBeta[j] += g[off + j];
            }
        }
        float[] gm = gamma.value();
        float[] dx = gradInput.data();
        for (int r = 0; r < n; r++) {
            for (int j = 0, off = r * size; j < size; j++) {
                double scale = gm[j] * invStd[j];
                // In training μ and σ² depend on every sample, hence the two batch-sum correction terms;
                // after an inference forward the layer is a fixed affine map.
                dx[off + j] = lastTraining
                        ? (float) (scale / n * (n * g[off + j] - dBeta[j] - xh[off + j] * dGamma[j]))
                        : (float) (scale * g[off + j]);
            }
        }
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public List<Parameter> buffers() {
        return List.of(runningMean, runningVar);
    }

    @Override
    public String kind() {
        return "batchnorm";
    }
}
