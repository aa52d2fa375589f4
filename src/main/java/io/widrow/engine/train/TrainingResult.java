package io.widrow.engine.train;

import java.util.List;

/**
 * How a run ended.
 *
 * @param bestEpoch the 1-based epoch whose weights the model holds (the last one unless early stopping
 *                  restored the best)
 */
public record TrainingResult(int epochsRun, boolean cancelled, boolean stoppedEarly, int bestEpoch,
                             List<EpochMetrics> history) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
