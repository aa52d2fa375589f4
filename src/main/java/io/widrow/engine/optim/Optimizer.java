package io.widrow.engine.optim;

import io.widrow.engine.nn.Parameter;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Updates parameters from their gradients. Per-parameter state (velocities, moments) is keyed by the
 * parameter's position in the list, which must be the same on every call.
 */
public interface Optimizer {
    /** The JSON name: sgd, momentum, nesterov, adam, rmsprop, adagrad. */
    String name();

    /**
     * Mutates every parameter's value by one step at {@code learningRate}, applying L2 weight decay to
     * parameters that decay. Gradients are read, not changed.
     */
    void step(List<Parameter> parameters, double learningRate);

    /** The current momentum coefficient γ (β1 for Adam, 0 where there is none); reported per epoch. */
    double momentum();

    /** Mutates γ; used by the momentum schedule (0.5 until stable, then 0.9). No-op where there is none. */
    void setMomentum(double momentum);

    /** Writes all internal state (step count, moment arrays) so training can resume bit-identically. */
    void writeState(DataOutput out) throws IOException;

    /** Mutates: restores state written by {@link #writeState} for the same parameter list. */
    void readState(DataInput in, List<Parameter> parameters) throws IOException;
}
