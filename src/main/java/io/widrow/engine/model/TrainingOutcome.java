package io.widrow.engine.model;

import io.widrow.engine.train.TrainingResult;

/** A finished run: the model (null when cancelled) and how training went. */
public record TrainingOutcome(TrainedModel model, TrainingResult result) {
}
