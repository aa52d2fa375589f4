package io.widrow.predictions.internal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The predict request and response shapes, for the OpenAPI document only: the endpoint parses and writes them with
 * the streaming API (see {@link BatchParser}, {@link PredictionWriter}) so large batches are never boxed.
 */
final class PredictionDocs {
    private PredictionDocs() {
    }

    static final String INPUTS_EXAMPLE = "{\"inputs\": [[5.1, 1.4], [6.3, 6.0]]}";
    static final String ROWS_EXAMPLE = "{\"rows\": [{\"sepal\": 5.1, \"petal\": 1.4}, {\"sepal\": 6.3, \"petal\": 6.0}]}";
    static final String CLASSIFICATION_EXAMPLE = "{\"predictions\": ["
            + "{\"label\": \"setosa\", \"probabilities\": {\"setosa\": 0.97, \"virginica\": 0.03}}, "
            + "{\"label\": \"virginica\", \"probabilities\": {\"setosa\": 0.02, \"virginica\": 0.98}}]}";
    static final String REGRESSION_EXAMPLE = "{\"predictions\": [{\"value\": [3.02]}, {\"value\": [-0.51]}]}";

    @Schema(description = "Exactly one of inputs or rows. Values are raw (unstandardized); the model applies its own "
            + "feature map and standardization.")
    record PredictRequest(
            @Schema(description = "rows of raw feature values in the model's featureNames order",
                    example = "[[5.1, 1.4], [6.3, 6.0]]")
            List<List<Float>> inputs,
            @Schema(description = "rows as objects keyed by feature name; every feature is required, unknown names are rejected",
                    example = "[{\"sepal\": 5.1, \"petal\": 1.4}]")
            List<Map<String, Float>> rows) {
    }

    @Schema(description = "One entry per input row, in request order")
    record PredictResponse(List<PredictionItem> predictions) {
    }

    @Schema(description = "Classification: label and probabilities (class → p, summing to 1). Regression: value.")
    record PredictionItem(
            @Schema(description = "predicted class (classification only)", example = "setosa") String label,
            @Schema(description = "probability per class (classification only)", example = "{\"setosa\": 0.97, \"virginica\": 0.03}")
            Map<String, Float> probabilities,
            @Schema(description = "predicted target values (regression only)", example = "[3.02]") List<Float> value) {
    }
}
