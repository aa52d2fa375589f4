package io.widrow.engine.train;

/**
 * A training run's complete state at a batch boundary, as opaque versioned bytes (see {@link CheckpointIo}).
 *
 * @param epoch completed epochs when it was taken; a run suspended mid-epoch resumes inside epoch + 1
 * @param state the encoded state; only {@link Trainer} and the linear trainer read it
 */
public record TrainingCheckpoint(int epoch, byte[] state) {
    public TrainingCheckpoint {
        if (epoch < 0) {
            throw new IllegalArgumentException("checkpoint epoch must be >= 0, got " + epoch);
        }
        if (state == null || state.length == 0) {
            throw new IllegalArgumentException("checkpoint state is empty");
        }
    }
}
