package io.widrow.engine.nn;

import io.widrow.engine.nn.activation.Activation;
import io.widrow.engine.tensor.Matrix;
import java.util.List;

/**
 * Applies an {@link Activation} as its own layer. It keeps z (its input) and a so the loss can fuse its
 * gradient with the output activation: the trainer reads {@link #z()} and {@link #a()} and skips this
 * layer's backward at the top of the network.
 */
public final class ActivationLayer implements Layer {
    private final Activation activation;
    private final int size;
    private Matrix z;
    private Matrix a;
    private Matrix gradZ;

    public ActivationLayer(Activation activation, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("activation layer size must be >= 1, got " + size);
        }
        this.activation = activation;
        this.size = size;
    }

    public Activation activation() {
        return activation;
    }

    /** The input of the last forward (not copied: it is the previous layer's buffer). */
    public Matrix z() {
        return z;
    }

    /** The output of the last forward. */
    public Matrix a() {
        return a;
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
        Buffers.requireCols(input, size, activation.name(), "input");
        z = input;
        a = Buffers.ensure(a, input.rows(), size);
        activation.forward(z, a);
        return a;
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
        Buffers.requireForward(z, activation.name());
        Buffers.requireCols(gradOutput, size, activation.name(), "gradOutput");
        gradZ = Buffers.ensure(gradZ, gradOutput.rows(), size);
        activation.backward(z, a, gradOutput, gradZ);
        return gradZ;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String kind() {
        return activation.name();
    }
}
