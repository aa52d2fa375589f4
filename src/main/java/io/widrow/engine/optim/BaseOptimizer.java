package io.widrow.engine.optim;

import io.widrow.engine.io.FloatArrays;
import io.widrow.engine.nn.Parameter;
import io.widrow.engine.tensor.Parallel;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Step counting, per-parameter state and checkpointing shared by every optimizer. Subclasses declare how
 * many state arrays each parameter needs ({@code slots}); they are allocated on the first step, sized
 * like the parameters, and reused for the rest of the run.
 *
 * <p>Checkpoint layout: name, step count, momentum, parameter count (−1 before the first step), then for
 * each slot and parameter the array length and its floats.
 */
abstract class BaseOptimizer implements Optimizer {
    private final int slots;
    protected final double weightDecay;
    protected long steps;
    /** state[slot][parameterIndex]; null until the first step. */
    protected float[][][] state;

    BaseOptimizer(int slots, double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0 and finite, got " + weightDecay);
        }
        this.slots = slots;
        this.weightDecay = weightDecay;
    }

    /** Below this many weights per thread a parameter is updated on the caller alone. */
    private static final int PARALLEL_MIN_PER_THREAD = 16_384;

    /** The reusable range task of {@link #step}: refilled per parameter, so a step allocates nothing. */
    private final ParameterUpdate rangeUpdate = new ParameterUpdate();

    /**
     * Applies one update to elements [from, to) of parameter {@code index}; {@code steps} already counts
     * this step. Runs concurrently on disjoint ranges of one parameter, so it must be element-wise.
     */
    protected abstract void update(int index, Parameter p, double learningRate, double decay, int from, int to);

    @Override
    public final void step(List<Parameter> parameters, double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be >= 0 and finite, got " + learningRate);
        }
        ensureState(parameters);
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            double decay = p.decays() ? weightDecay : 0.0;
            if (p.size() < 2 * PARALLEL_MIN_PER_THREAD) {
                update(i, p, learningRate, decay, 0, p.size());
            } else {
                rangeUpdate.set(i, p, learningRate, decay);
                Parallel.forRange(p.size(), PARALLEL_MIN_PER_THREAD, rangeUpdate);
            }
        }
    }

    private final class ParameterUpdate implements Parallel.RangeTask {
        private int index;
        private Parameter parameter;
        private double learningRate;
        private double decay;

        void set(int index, Parameter parameter, double learningRate, double decay) {
            this.index = index;
            this.parameter = parameter;
            this.learningRate = learningRate;
            this.decay = decay;
        }

        @Override
        public void run(int from, int to) {
            update(index, parameter, learningRate, decay, from, to);
        }
    }

    /** Updates applied so far. */
    public long steps() {
        return steps;
    }

    @Override
    public double momentum() {
        return 0;
    }

    @Override
    public void setMomentum(double momentum) {
    }

    private void ensureState(List<Parameter> parameters) {
        if (state == null) {
            state = new float[slots][parameters.size()][];
            for (int s = 0; s < slots; s++) {
                for (int i = 0; i < parameters.size(); i++) {
                    state[s][i] = new float[parameters.get(i).size()];
                }
            }
        } else if (slots > 0) {
            requireMatches(parameters, state[0].length);
        }
    }

    private static void requireMatches(List<Parameter> parameters, int count) {
        if (parameters.size() != count) {
            throw new IllegalStateException("optimizer state holds " + count + " parameters, got " + parameters.size());
        }
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeUTF(name());
        out.writeLong(steps);
        out.writeDouble(momentum());
        out.writeInt(state == null ? -1 : (slots == 0 ? 0 : state[0].length));
        if (state != null) {
            for (float[][] slot : state) {
                for (float[] arr : slot) {
                    out.writeInt(arr.length);
                    FloatArrays.write(out, arr);
                }
            }
        }
    }

    @Override
    public void readState(DataInput in, List<Parameter> parameters) throws IOException {
        String saved = in.readUTF();
        if (!saved.equals(name())) {
            throw new IOException("checkpoint holds " + saved + " optimizer state, this optimizer is " + name());
        }
        steps = in.readLong();
        setMomentum(in.readDouble());
        int count = in.readInt();
        if (count < 0) {
            state = null;
            return;
        }
        if (slots > 0 && count != parameters.size()) {
            throw new IOException("checkpoint holds state for " + count + " parameters, model has " + parameters.size());
        }
        state = null;
        ensureState(parameters);
        for (float[][] slot : state) {
            for (int i = 0; i < slot.length; i++) {
                float[] arr = slot[i];
                int length = in.readInt();
                if (length != arr.length) {
                    // Reading on would misalign every later array; a changed architecture must fail loudly.
                    throw new IOException("checkpoint state for parameter " + i + " holds " + length
                            + " values, parameter " + parameters.get(i).name() + " has " + arr.length);
                }
                FloatArrays.read(in, arr);
            }
        }
    }
}
