package io.widrow.datasets.internal;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.widrow.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets", description = "Upload, generate, inspect and delete training data")
class DatasetController {
    private final DatasetService datasets;

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    record GenerateRequest(
            @NotNull @Pattern(regexp = "and|or|xor|rings|spirals|moons|gaussians",
                    message = "must be one of and, or, xor, rings, spirals, moons, gaussians") String kind,
            @NotNull @Min(4) @Max(100_000) Integer samples,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double noise,
            @Min(0) Long seed,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}/\\\\]*", message = "must not contain control characters, / or \\") String name) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a CSV, JSON or IDX (images + labels) dataset")
    ResponseEntity<DatasetViews.DatasetView> upload(
            @Parameter(description = "CSV or JSON file, optionally gzipped") @RequestPart(name = "file", required = false) MultipartFile file,
            @Parameter(description = "IDX image file (with labels)") @RequestPart(name = "images", required = false) MultipartFile images,
            @Parameter(description = "IDX label file (with images)") @RequestPart(name = "labels", required = false) MultipartFile labels,
            @Parameter(description = "label column: name or 0-based index; default the last column") @RequestParam(required = false) String labelColumn,
            @RequestParam(required = false) String name,
            @Parameter(description = "classification or regression") @RequestParam(defaultValue = "classification") String task,
            @Parameter(description = "default: detected") @RequestParam(required = false) Boolean hasHeader,
            @Parameter(description = "error or drop") @RequestParam(defaultValue = "error") String missing,
            @AuthenticationPrincipal Caller caller) {
        DatasetViews.DatasetView view = datasets.upload(caller,
                new DatasetService.UploadForm(labelColumn, name, task, hasHeader, missing), file, images, labels);
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + view.id())).body(view);
    }

    @PostMapping(path = "/generate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Generate a seeded toy dataset (and, or, xor, rings, spirals, moons, gaussians)")
    ResponseEntity<DatasetViews.DatasetView> generate(@Valid @RequestBody GenerateRequest request,
                                                      @AuthenticationPrincipal Caller caller) {
        DatasetViews.DatasetView view = datasets.generate(caller, new DatasetService.GeneratedForm(request.kind(),
                request.samples(), request.noise(), request.seed() == null ? 1L : request.seed(), request.name()));
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "List datasets, newest first (page is 0-based)")
    DatasetViews.PageView<DatasetViews.DatasetView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                                         @AuthenticationPrincipal Caller caller) {
        return datasets.list(caller, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Dataset details with per-feature stats; preview=N adds the first N rows")
    DatasetViews.DatasetDetail get(@PathVariable UUID id,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100) int preview,
                                   @AuthenticationPrincipal Caller caller) {
        return datasets.detail(caller, id, preview);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a dataset (409 while a queued or running job uses it)")
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        datasets.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
