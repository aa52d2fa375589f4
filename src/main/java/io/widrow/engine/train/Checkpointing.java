package io.widrow.engine.train;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How a run saves and resumes its state. The trainer hands {@code sink} a checkpoint after every
 * {@code every}-th epoch (not after the last: the run is over) and, when {@code suspend} turns true at a
 * batch boundary, one more before it throws {@link TrainingSuspendedException}. Both happen on the training
 * thread, so the sink should only queue the bytes.
 *
 * @param resumeFrom    null = start from scratch
 * @param resumeHistory the metrics of the epochs {@code resumeFrom} had completed, in order (the trainer
 *                      reports only new epochs, but its result covers the whole run)
 */
public record Checkpointing(int every, TrainingCheckpoint resumeFrom, List<EpochMetrics> resumeHistory,
                            Consumer<TrainingCheckpoint> sink, BooleanSupplier suspend) {
    /** No checkpoints, never suspended. */
    public static final Checkpointing NONE =
            new Checkpointing(Integer.MAX_VALUE, null, List.of(), c -> { }, () -> false);

    public Checkpointing {
        if (every < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + every);
        }
        if (sink == null || suspend == null) {
            throw new IllegalArgumentException("checkpoint sink and suspend flag are required");
        }
        resumeHistory = resumeHistory == null ? List.of() : List.copyOf(resumeHistory);
        if (resumeFrom != null && resumeHistory.size() != resumeFrom.epoch()) {
            throw new CheckpointException("the checkpoint is at epoch " + resumeFrom.epoch() + " but "
                    + resumeHistory.size() + " epochs of metrics came with it");
        }
    }

    /** Whether the end of epoch {@code completed} (1-based) of {@code total} is a checkpoint. */
    boolean due(int completed, int total) {
        return completed < total && completed % every == 0;
    }
}
