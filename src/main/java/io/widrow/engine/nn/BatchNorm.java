package io.widrow.engine.nn;

import io.widrow.engine.tensor.Matrix;
import java.util.List;

/** TODO. */
public final class BatchNorm implements Layer {
    public BatchNorm(int size, double momentum, double epsilon) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override public int inputSize() { throw new UnsupportedOperationException("TODO"); }
    @Override public int outputSize() { throw new UnsupportedOperationException("TODO"); }
    @Override public Matrix forward(Matrix input, boolean training) { throw new UnsupportedOperationException("TODO"); }
    @Override public Matrix backward(Matrix gradOutput) { throw new UnsupportedOperationException("TODO"); }
    @Override public List<Parameter> parameters() { throw new UnsupportedOperationException("TODO"); }
    @Override public String kind() { throw new UnsupportedOperationException("TODO"); }
}
