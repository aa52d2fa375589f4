package io.widrow.engine.train;

/**
 * Stop when the monitored loss (held-out if there is a validation set, else training) has not improved
 * by more than {@code minDelta} for {@code patience} epochs; optionally restore the best weights.
 */
public record EarlyStoppingSpec(int patience, double minDelta, boolean restoreBest) {
    public EarlyStoppingSpec {
        if (patience < 1) {
            throw new IllegalArgumentException("earlyStopping.patience must be >= 1, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("earlyStopping.minDelta must be >= 0 and finite, got " + minDelta);
        }
    }
}
