package io.widrow.models.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.widrow.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Models", description = "Trained models: inspect, download weights, delete")
class ModelController {
    private final ModelService models;

    ModelController(ModelService models) {
        this.models = models;
    }

    @GetMapping
    @Operation(summary = "List models, newest first (page is 0-based); weights are never included")
    ModelViews.PageView<ModelViews.ModelView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                                   @AuthenticationPrincipal Caller caller) {
        return models.list(caller, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Model metadata: type, task, architecture, features, classes, parameters, final metrics")
    ModelViews.ModelView get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return models.detail(caller, id);
    }

    /** Written straight to the response so a large network is copied from the database, not built as a string. */
    @GetMapping("/{id}/weights")
    @Operation(summary = "The full serialized network (the widrow-model JSON document ModelCodec reads back)",
            responses = @ApiResponse(responseCode = "200", description = "the widrow-model document",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", example = "{\"format\":\"widrow-model\",\"version\":1,\"task\":\"classification\",\"spec\":{},\"featureNames\":[\"x1\",\"x2\"],\"classes\":[\"0\",\"1\"],\"outputs\":2,\"architecture\":[],\"network\":{}}"))))
    void weights(@PathVariable UUID id,
                 @Parameter(description = "add Content-Disposition: attachment; filename=model-<id>.json")
                 @RequestParam(defaultValue = "false") boolean download,
                 @AuthenticationPrincipal Caller caller,
                 HttpServletResponse response) {
        models.streamWeights(caller, id, () -> {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (download) {
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=model-" + id + ".json");
            }
            return response.getWriter();
        });
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a model; it stops being served for predictions at once")
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        models.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
