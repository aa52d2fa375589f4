package io.widrow.engine.train;

import io.widrow.engine.nn.Parameter;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/** Tracks the best monitored loss and keeps a copy of the weights that achieved it. */
final class EarlyStopping {
    private final EarlyStoppingSpec spec;
    private final List<Parameter> state;
    private final float[][] best;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int sinceBest;

    /** {@code state} is every parameter and buffer whose values make up the model. */
    EarlyStopping(EarlyStoppingSpec spec, List<Parameter> state) {
        this.spec = spec;
        this.state = state;
        this.best = new float[state.size()][];
        for (int i = 0; i < best.length; i++) {
            best[i] = spec.restoreBest() ? new float[state.get(i).size()] : null;
        }
    }

    /** Records epoch {@code epoch}'s loss; returns true when training should stop. */
    boolean update(int epoch, double loss) {
        if (loss < bestLoss - spec.minDelta()) {
            bestLoss = loss;
            bestEpoch = epoch;
            sinceBest = 0;
            if (spec.restoreBest()) {
                for (int i = 0; i < best.length; i++) {
                    System.arraycopy(state.get(i).value(), 0, best[i], 0, best[i].length);
                }
            }
            return false;
        }
        return ++sinceBest >= spec.patience();
    }

    /** Mutates the model back to the best weights (if kept); returns the epoch they come from. */
    int restore(int lastEpoch) {
        if (!spec.restoreBest() || bestEpoch == 0) {
            return lastEpoch;
        }
        for (int i = 0; i < best.length; i++) {
            System.arraycopy(best[i], 0, state.get(i).value(), 0, best[i].length);
        }
        return bestEpoch;
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(bestLoss);
        out.writeInt(bestEpoch);
        out.writeInt(sinceBest);
        out.writeBoolean(spec.restoreBest());
        if (spec.restoreBest()) {
            for (float[] b : best) {
                CheckpointIo.writeFloats(out, b);
            }
        }
    }

    /** Mutates: restores what {@link #write} saved, including the best weights so far. */
    void read(DataInput in) throws IOException {
        bestLoss = in.readDouble();
        bestEpoch = in.readInt();
        sinceBest = in.readInt();
        if (in.readBoolean() != spec.restoreBest()) {
            throw new IOException("the checkpoint disagrees on earlyStopping.restoreBest");
        }
        if (spec.restoreBest()) {
            for (int i = 0; i < best.length; i++) {
                CheckpointIo.readFloats(in, best[i], "best copy of " + state.get(i).name());
            }
        }
    }
}
