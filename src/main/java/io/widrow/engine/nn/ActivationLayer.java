package io.widrow.engine.nn;

import io.widrow.engine.tensor.Matrix;
import java.util.List;

/** TODO. */
public final class ActivationLayer implements Layer {
    public ActivationLayer(io.widrow.engine.nn.activation.Activation activation, int size) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override public int inputSize() { throw new UnsupportedOperationException("TODO"); }
    @Override public int outputSize() { throw new UnsupportedOperationException("TODO"); }
    @Override public Matrix forward(Matrix input, boolean training) { throw new UnsupportedOperationException("TODO"); }
    @Override public Matrix backward(Matrix gradOutput) { throw new UnsupportedOperationException("TODO"); }
    @Override public List<Parameter> parameters() { throw new UnsupportedOperationException("TODO"); }
    @Override public String kind() { throw new UnsupportedOperationException("TODO"); }
}
