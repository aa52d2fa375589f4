package io.widrow.models.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** Web DTOs of the models API; field names are part of the public contract. */
final class ModelViews {
    private ModelViews() {
    }

    @Schema(description = "A trained model's metadata; the weights are at /api/v1/models/{id}/weights")
    record ModelView(
            UUID id,
            @Schema(description = "the training job that produced it") UUID jobId,
            @Schema(description = "the dataset it was trained on (may since have been deleted)") UUID datasetId,
            @Schema(example = "mlp", allowableValues = {"mlp", "perceptron", "adaline"}) String type,
            @Schema(example = "classification", allowableValues = {"classification", "regression"}) String task,
            @Schema(example = "[\"input 2\", \"standardize\", \"dense 2→16\", \"relu\", \"dense 16→2\", \"softmax + cross_entropy\"]")
            List<String> architecture,
            @Schema(description = "raw input columns, in the order predict's inputs rows use") List<String> featureNames,
            @Schema(description = "class names in output order; empty for regression") List<String> classes,
            @Schema(description = "trainable parameters") long parameters,
            @Schema(description = "final training and validation figures, e.g. loss, accuracy, valLoss, valAccuracy, epochs")
            Map<String, Object> metrics,
            Instant createdAt) {
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
