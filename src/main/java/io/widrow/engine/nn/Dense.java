package io.widrow.engine.nn;

import io.widrow.engine.init.Initializer;
import io.widrow.engine.tensor.Gemm;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.List;

/**
 * Fully connected layer Z = A·Wᵀ + b for W (out × in) and b (out).
 *
 * <p>W is held transposed, as the kernel K = Wᵀ (in × out, row-major), as Keras does: then the forward
 * product A·K and the weight gradient Aᵀ·δ read both operands along rows, and the only product that
 * must transpose K is the input gradient δ·Kᵀ, which the first layer (the widest one) never needs.
 * Saved models and {@link #weightsOutByIn()} still speak W (out × in).
 *
 * <p>The loss has already divided δ by the batch size, so the gradients here are batch averages.
 */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final Parameter kernel;
    private final Parameter b;
    /** Views over K's arrays so Gemm can use them without copying. */
    private final Matrix kValue;
    private final Matrix kGrad;
    private Matrix input;
    private Matrix z;
    private Matrix gradInput;

    public Dense(int in, int out, Initializer init, Rng rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("dense layer sizes must be >= 1, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        this.kernel = Parameter.zeros("W", in, out, true);
        this.b = Parameter.zeros("b", 1, out, false);
        // Initializers fill W (out × in) in PyTorch's order, so a seed gives the same network as before
        // the layout changed.
        float[] w = new float[out * in];
        init.initialize(w, in, out, rng);
        setWeightsOutByIn(w);
        this.kValue = new Matrix(kernel.value(), in, out);
        this.kGrad = new Matrix(kernel.grad(), in, out);
    }

    /** The kernel K = Wᵀ, (in × out) row-major: its value and gradient arrays. */
    public Parameter weights() {
        return kernel;
    }

    public Parameter bias() {
        return b;
    }

    /** A copy of W (out × in) row-major: row o holds the weights into output unit o. */
    public float[] weightsOutByIn() {
        return transpose(kernel.value(), in, out);
    }

    /** A copy of dE/dW (out × in) from the last backward pass. */
    public float[] weightGradOutByIn() {
        return transpose(kernel.grad(), in, out);
    }

    /** Mutates the weights: sets W from an (out × in) row-major array. */
    public void setWeightsOutByIn(float[] w) {
        if (w.length != in * out) {
            throw new IllegalArgumentException("dense weights need " + out + "x" + in + " = " + in * out
                    + " values, got " + w.length);
        }
        float[] k = kernel.value();
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                k[i * out + o] = w[o * in + i];
            }
        }
    }

    private static float[] transpose(float[] src, int rows, int cols) {
        float[] t = new float[src.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = src[r * cols + c];
            }
        }
        return t;
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public Matrix forward(Matrix input, boolean training) {
        Buffers.requireCols(input, in, "dense", "input");
        this.input = input;
        z = Buffers.ensure(z, input.rows(), out);
        Gemm.matmul(input, kValue, z);
        Gemm.addRowVector(z, b.value());
        return z;
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
        return backward(gradOutput, true);
    }

    /** Skips dE/d(input) (returns null) when no layer below needs it: a third of the first layer's work. */
    @Override
    public Matrix backward(Matrix gradOutput, boolean needInputGradient) {
        Buffers.requireForward(input, "dense");
        Buffers.requireCols(gradOutput, out, "dense", "gradOutput");
        if (gradOutput.rows() != input.rows()) {
            throw new IllegalArgumentException("dense gradOutput has " + gradOutput.rows()
                    + " rows but the last forward batch had " + input.rows());
        }
        Gemm.matmulTransA(input, gradOutput, kGrad);
        Gemm.columnSums(gradOutput, b.grad());
        if (!needInputGradient) {
            return null;
        }
        gradInput = Buffers.ensure(gradInput, gradOutput.rows(), in);
        Gemm.matmulTransB(gradOutput, kValue, gradInput);
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(kernel, b);
    }

    @Override
    public String kind() {
        return "dense";
    }
}
