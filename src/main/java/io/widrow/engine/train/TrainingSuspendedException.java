package io.widrow.engine.train;

/**
 * The caller asked the run to stop and save (a node shutting down): the checkpoint has been handed to the
 * sink, and resuming from it continues exactly where this run stopped.
 */
public final class TrainingSuspendedException extends RuntimeException {
    private final int epoch;

    public TrainingSuspendedException(int epoch) {
        super("training suspended after " + epoch + " completed epoch(s); resume from the checkpoint", null, false,
                false);
        this.epoch = epoch;
    }

    /** Epochs completed before the suspension. */
    public int epoch() {
        return epoch;
    }
}
