package io.widrow.predictions.internal;

import java.io.IOException;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.widrow.engine.model.Prediction;
import io.widrow.models.LoadedModel;
import io.widrow.models.ModelLookup;
import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the servlet streams rather than {@code @RequestBody}/return values so the body goes from bytes to one
 * {@code float[]} and the predictions from {@code float[]} to bytes without an object per value in between.
 */
@RestController
@Tag(name = "Predictions", description = "Run a trained model on new rows")
class PredictionController {
    private final ModelLookup models;
    private final BatchParser parser;
    private final BinaryBatchReader binary;
    private final PredictionWriter writer;
    private final Timer timer;
    private final Counter rows;
    private final PredictGuard guard;

    PredictionController(ModelLookup models, JsonMapper json, PredictionsProperties properties, MeterRegistry meters,
                         PredictGuard guard) {
        this.models = models;
        this.guard = guard;
        this.parser = new BatchParser(json, properties.maxRows(), properties.maxValues());
        this.binary = new BinaryBatchReader(properties.maxRows(), properties.maxValues());
        // Schubfach: the JDK 17 float-to-text path was a tenth of a 1,000-row predict's time. Both give text
        // that parses back to the same float.
        this.writer = new PredictionWriter(json.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER));
        this.timer = Timer.builder("widrow.predictions")
                .description("Successful predict requests: parsing, model and response writing")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(meters);
        this.rows = Counter.builder("widrow.predictions.rows")
                .description("Rows predicted")
                .register(meters);
    }

    @PostMapping(path = "/api/v1/models/{id}/predict",
            consumes = {MediaType.APPLICATION_JSON_VALUE, BinaryBatchReader.MEDIA_TYPE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Predict with a trained model",
            description = "Send raw feature values either as 'inputs' (arrays in the model's featureNames order) or as "
                    + "'rows' (objects keyed by feature name), never both. At most widrow.predictions.max-rows rows "
                    + "(default 100000) per request; more answers 413. For large batches send the values as raw "
                    + "float32 instead (Content-Type: application/octet-stream; little-endian, row-major, the model's "
                    + "input count per row, e.g. numpy x.astype('<f4').tobytes()): the row count is the body length "
                    + "divided by 4 × inputs, and parsing costs nothing next to the model.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PredictionDocs.PredictRequest.class),
                            examples = {
                                    @ExampleObject(name = "inputs", summary = "values in feature order",
                                            value = PredictionDocs.INPUTS_EXAMPLE),
                                    @ExampleObject(name = "rows", summary = "values by feature name",
                                            value = PredictionDocs.ROWS_EXAMPLE)}),
                            @Content(mediaType = BinaryBatchReader.MEDIA_TYPE,
                                    schema = @Schema(type = "string", format = "binary"))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "one prediction per row, in request order",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = PredictionDocs.PredictResponse.class),
                                    examples = {
                                            @ExampleObject(name = "classification", value = PredictionDocs.CLASSIFICATION_EXAMPLE),
                                            @ExampleObject(name = "regression", value = PredictionDocs.REGRESSION_EXAMPLE)})),
                    @ApiResponse(responseCode = "400", description = "malformed body, or raw bytes that are not whole rows; the detail names the row and column",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "404", description = "no such model, or not yours",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "413", description = "too many rows or too large a body",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "429", description = "over the key's predict rate; see Retry-After",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    void predict(@PathVariable UUID id, @AuthenticationPrincipal Caller caller,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        java.io.InputStream body = guard.admit(request);
        LoadedModel model = find(id, caller);
        boolean raw = MediaType.APPLICATION_OCTET_STREAM.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        RowBlocks batch = raw
                ? binary.read(body, request.getContentLengthLong(), model)
                : parser.parse(body, model);
        answer(model, batch, response, start);
    }

    private LoadedModel find(UUID id, Caller caller) {
        return models.find(id, caller).orElseThrow(() -> ApiException.notFound("Model " + id + " not found."));
    }

    private void answer(LoadedModel model, RowBlocks batch, HttpServletResponse response, long start)
            throws IOException {
        Prediction[] parts = new Prediction[batch.blockCount()];
        for (int b = 0; b < parts.length; b++) {
            parts[b] = model.model().predict(batch.values(b), batch.rowsIn(b));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        writer.write(response.getOutputStream(), model, parts);
        rows.increment(batch.rows());
        timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
