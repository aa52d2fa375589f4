package io.widrow.engine.schedule;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Gives the learning rate for each update. Epochs and steps count from 0. */
public interface LearningRateSchedule {
    /** The learning rate for global update {@code step}, which falls in {@code epoch}. */
    double rate(long step, int epoch);

    /**
     * Called once after every epoch with the monitored loss (held-out loss, or training loss when there
     * is no held-out set); reduce-on-plateau reacts to it, the others ignore it.
     */
    default void onEpochEnd(int epoch, double monitoredLoss) {
    }

    /** Writes mutable state (plateau's current factor and counters). Stateless schedules write nothing. */
    default void writeState(DataOutput out) throws IOException {
    }

    /** Mutates: restores state written by {@link #writeState}. */
    default void readState(DataInput in) throws IOException {
    }
}
