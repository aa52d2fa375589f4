package io.widrow.models.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.widrow.models.LoadedModel;
import io.widrow.models.ModelSurfaces;
import io.widrow.security.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The decision boundary and hidden-unit pictures of a stored two-input model (the console's model page). */
@RestController
@Tag(name = "Models")
class ModelBoundaryController {
    private final ModelService models;

    ModelBoundaryController(ModelService models) {
        this.models = models;
    }

    @GetMapping("/api/v1/models/{id}/boundary")
    @Operation(summary = "Decision boundary of a 2-input model on a grid, plus each hidden unit's activation (400 for other models)")
    ModelSurfaces.SurfaceView boundary(@PathVariable UUID id, @ParameterObject ModelSurfaces.Query query,
                                       @AuthenticationPrincipal Caller caller) {
        LoadedModel model = models.find(id, caller).orElseThrow(() -> ModelService.notFound(id));
        Object epochs = models.detail(caller, id).metrics().get("bestEpoch");
        int epoch = epochs instanceof Number n ? n.intValue() : 0;
        return ModelSurfaces.view(model.model(), query, epoch, false);
    }
}
