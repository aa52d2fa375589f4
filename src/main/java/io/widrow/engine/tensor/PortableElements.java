package io.widrow.engine.tensor;

/** The scalar element kernels: the reference the vector ones are tested against. */
final class PortableElements implements ElementKernel {
    @Override
    public void reluBackward(float[] z, float[] g, float[] out, int from, int to, float slope) {
        if (slope == 0f) {
            // As PyTorch's threshold backward: a dead unit passes 0 even for a NaN gradient.
            for (int i = from; i < to; i++) {
                out[i] = z[i] > 0f ? g[i] : 0f;
            }
            return;
        }
        for (int i = from; i < to; i++) {
            out[i] = z[i] > 0f ? g[i] : slope * g[i] + 0f;
        }
    }

    @Override
    public void exp(float[] v, int from, int to) {
        for (int i = from; i < to; i++) {
            v[i] = FloatExp.exp(v[i]);
        }
    }

    @Override
    public void sigmoid(float[] z, float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = FloatExp.sigmoid(z[i]);
        }
    }

    @Override
    public void tanh(float[] z, float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = FloatTanh.tanh(z[i]);
        }
    }

    @Override
    public void gelu(float[] z, float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = FloatGelu.gelu(z[i]);
        }
    }

    @Override
    public void geluBackward(float[] z, float[] g, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = FloatGelu.backward(z[i], g[i]);
        }
    }

    /** Four independent sums so the additions overlap instead of waiting on each other. */
    @Override
    public double sumOfSquares(float[] v, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (int end = to - 3; i < end; i += 4) {
            s0 += (double) v[i] * v[i];
            s1 += (double) v[i + 1] * v[i + 1];
            s2 += (double) v[i + 2] * v[i + 2];
            s3 += (double) v[i + 3] * v[i + 3];
        }
        for (; i < to; i++) {
            s0 += (double) v[i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void addRowVector(float[] c, int rowFrom, int rowTo, int cols, float[] bias) {
        for (int i = rowFrom; i < rowTo; i++) {
            int off = i * cols;
            for (int j = 0; j < cols; j++) {
                c[off + j] += bias[j];
            }
        }
    }

    @Override
    public void columnSums(float[] a, int rows, int cols, float[] out, int colFrom, int colTo) {
        java.util.Arrays.fill(out, colFrom, colTo, 0f);
        for (int i = 0; i < rows; i++) {
            int off = i * cols;
            for (int j = colFrom; j < colTo; j++) {
                out[j] += a[off + j];
            }
        }
    }
}
