package io.widrow.engine.train;

/**
 * A checkpoint cannot be resumed: unknown format or version, or it belongs to a different model or data
 * (other layer sizes, row count, optimizer). The caller should start the run from scratch.
 */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
