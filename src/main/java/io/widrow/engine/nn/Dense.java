package io.widrow.engine.nn;

import io.widrow.engine.init.Initializer;
import io.widrow.engine.tensor.Gemm;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.List;

/**
 * Fully connected layer Z = A·Wᵀ + b with W (out × in), b (out). The loss has already divided δ by the
 * batch size, so the gradients computed here are batch averages without a further scale.
 */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final Parameter w;
    private final Parameter b;
    /** Views over W's arrays so Gemm can use them without copying. */
    private final Matrix wValue;
    private final Matrix wGrad;
    private Matrix input;
    private Matrix z;
    private Matrix gradInput;

    public Dense(int in, int out, Initializer init, Rng rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("dense layer sizes must be >= 1, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        this.w = Parameter.zeros("W", out, in, true);
        this.b = Parameter.zeros("b", 1, out, false);
        init.initialize(w.value(), in, out, rng);
        this.wValue = new Matrix(w.value(), out, in);
        this.wGrad = new Matrix(w.grad(), out, in);
    }

    public Parameter weights() {
        return w;
    }

    public Parameter bias() {
        return b;
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
        // The kernels absorb Wᵀ while packing: no per-layer transpose copy.
        Gemm.matmulTransB(input, wValue, z);
        Gemm.addRowVector(z, b.value());
        return z;
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
        Buffers.requireForward(input, "dense");
        Buffers.requireCols(gradOutput, out, "dense", "gradOutput");
        if (gradOutput.rows() != input.rows()) {
            throw new IllegalArgumentException("dense gradOutput has " + gradOutput.rows()
                    + " rows but the last forward batch had " + input.rows());
        }
        Gemm.matmulTransA(gradOutput, input, wGrad);
        Gemm.columnSums(gradOutput, b.grad());
        gradInput = Buffers.ensure(gradInput, gradOutput.rows(), in);
        Gemm.matmul(gradOutput, wValue, gradInput);
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(w, b);
    }

    @Override
    public String kind() {
        return "dense";
    }
}
