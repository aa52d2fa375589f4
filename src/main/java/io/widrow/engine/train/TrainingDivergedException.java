package io.widrow.engine.train;

/** Training produced a NaN or infinite loss: the run is stopped instead of yielding a broken model. */
public final class TrainingDivergedException extends RuntimeException {
    private final int epoch;

    public TrainingDivergedException(int epoch, double loss) {
        super("training diverged at epoch " + epoch + ": the loss became " + loss
                + "; lower the learning rate, standardize the inputs or clip gradients");
        this.epoch = epoch;
    }

    /** The 1-based epoch in which the loss stopped being finite. */
    public int epoch() {
        return epoch;
    }
}
