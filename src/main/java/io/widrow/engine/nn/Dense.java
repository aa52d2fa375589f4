package io.widrow.engine.nn;

import io.widrow.engine.init.Initializer;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.List;

/** Fully connected layer Z = A·Wᵀ + b with W (out × in), b (out). */
public final class Dense implements Layer {
    public Dense(int in, int out, Initializer init, Rng rng) {
        throw new UnsupportedOperationException("TODO");
    }

    public Parameter weights() {
        throw new UnsupportedOperationException("TODO");
    }

    public Parameter bias() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override public int inputSize() { throw new UnsupportedOperationException("TODO"); }
    @Override public int outputSize() { throw new UnsupportedOperationException("TODO"); }
    @Override public Matrix forward(Matrix input, boolean training) { throw new UnsupportedOperationException("TODO"); }
    @Override public Matrix backward(Matrix gradOutput) { throw new UnsupportedOperationException("TODO"); }
    @Override public List<Parameter> parameters() { throw new UnsupportedOperationException("TODO"); }
    @Override public String kind() { return "dense"; }
}
