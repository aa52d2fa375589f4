package io.widrow.datasets.internal;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.widrow.datasets.DatasetInfo;
import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rows spread over a whole dataset, for the console's scatter plots and image grids. */
@RestController
@Tag(name = "Datasets")
class DatasetSampleController {
    static final int MAX_SIZE = 5000;
    static final long MAX_VALUES = 1_000_000;

    private final DatasetService datasets;
    private final DatasetSampler sampler;

    DatasetSampleController(DatasetService datasets, DatasetSampler sampler) {
        this.datasets = datasets;
        this.sampler = sampler;
    }

    @Schema(description = "Rows spread over a dataset: one from each of size equal buckets of rows, always the same ones")
    record SampleView(UUID id, int rows, List<String> featureNames, List<String> classes,
                      @Schema(description = "row numbers of the sample, ascending") int[] indices,
                      @Schema(description = "feature values, one array per sampled row") List<float[]> x,
                      @Schema(description = "class index into classes per row (classification only)") int[] labels,
                      @Schema(description = "first target per row (regression only)") float[] targets) {
    }

    @GetMapping("/api/v1/datasets/{id}/sample")
    @Operation(summary = "A spread-out sample of rows: size ≤ 5000 and size × features ≤ 1,000,000")
    SampleView sample(@PathVariable UUID id,
                      @Parameter(description = "rows wanted (fewer if the dataset is smaller)") @RequestParam(defaultValue = "500") int size,
                      @AuthenticationPrincipal Caller caller) {
        DatasetInfo info = datasets.find(id, caller)
                .orElseThrow(() -> ApiException.notFound("No dataset with id " + id + "."));
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size must be in [1, " + MAX_SIZE + "], got " + size + ".",
                    List.of(new ApiException.FieldProblem("size", "must be in [1, " + MAX_SIZE + "], got " + size)));
        }
        if ((long) size * info.features() > MAX_VALUES) {
            long most = Math.max(1, MAX_VALUES / Math.max(1, info.features()));
            throw ApiException.badRequest("size × features must be at most " + MAX_VALUES + "; this dataset has "
                    + info.features() + " features, so ask for at most " + most + " rows.",
                    List.of(new ApiException.FieldProblem("size", "at most " + most + " for " + info.features()
                            + " features, got " + size)));
        }
        DatasetSampler.Sample s = sampler.sample(id, size);
        return new SampleView(id, s.rows(), info.featureNames(), info.classes(), s.indices(), s.x(), s.labels(),
                s.targets());
    }
}
