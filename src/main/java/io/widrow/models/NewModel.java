package io.widrow.models;

import io.widrow.engine.model.TrainedModel;
import java.util.Map;
import java.util.UUID;

/**
 * A model a job just produced.
 *
 * @param metrics final training and validation figures, e.g. loss, accuracy, valLoss, valAccuracy,
 *                epochs, bestEpoch (JSON-friendly values)
 */
public record NewModel(String ownerId, UUID jobId, UUID datasetId, TrainedModel model, Map<String, Object> metrics) {
}
