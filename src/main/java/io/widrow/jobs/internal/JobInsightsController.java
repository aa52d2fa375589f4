package io.widrow.jobs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.widrow.datasets.DatasetCatalog;
import io.widrow.datasets.DatasetInfo;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.ModelCodec;
import io.widrow.engine.model.TrainedModel;
import io.widrow.models.LoadedModel;
import io.widrow.models.ModelLookup;
import io.widrow.models.ModelSurfaces;
import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pictures of what a job's network has learned so far: the decision boundary of a two-input model (live from
 * the latest snapshot while it trains, from the stored model once it succeeded) and the confusion matrix on
 * the validation rows. 204 means "nothing to show yet", so a watching page can poll without errors.
 */
@RestController
@RequestMapping("/api/v1/jobs/{id}")
@Tag(name = "Jobs")
class JobInsightsController {
    private static final int DECODED_CACHE = 16;

    private final JobService jobs;
    private final SnapshotStore snapshots;
    private final DatasetCatalog datasets;
    private final ObjectProvider<ModelLookup> models;
    private final JsonMapper json;
    /** Decoded snapshots by job, epoch and write time: a watching page asks for the same one several times. */
    private final Map<String, TrainedModel> decoded = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TrainedModel> eldest) {
            return size() > DECODED_CACHE;
        }
    };

    JobInsightsController(JobService jobs, SnapshotStore snapshots, DatasetCatalog datasets,
                          ObjectProvider<ModelLookup> models, JsonMapper json) {
        this.jobs = jobs;
        this.snapshots = snapshots;
        this.datasets = datasets;
        this.models = models;
        this.json = json;
    }

    @GetMapping("/boundary")
    @Operation(summary = "Decision boundary and hidden-unit pictures of a 2-feature job: the latest live snapshot "
            + "while it runs (at most two a second), the final model once it succeeded; 204 before the first snapshot")
    ResponseEntity<ModelSurfaces.SurfaceView> boundary(@PathVariable UUID id, @ParameterObject ModelSurfaces.Query q,
                                                       @AuthenticationPrincipal Caller caller) {
        JobRow job = jobs.visible(id, caller);
        Optional<DatasetInfo> data = datasets.find(job.datasetId(), caller);
        if (data.isPresent() && data.get().features() != 2) {
            throw ApiException.badRequest("A decision boundary is drawn for 2-feature data; dataset "
                    + job.datasetId() + " has " + data.get().features() + " features.");
        }
        if (job.status() == JobStatus.SUCCEEDED && job.modelId() != null) {
            ModelLookup lookup = models.getIfAvailable();
            Optional<LoadedModel> model = lookup == null ? Optional.empty() : lookup.find(job.modelId(), caller);
            if (model.isPresent()) {
                return ResponseEntity.ok(ModelSurfaces.view(model.get().model(), q, job.epoch(), false));
            }
        }
        Optional<SnapshotStore.Snapshot> snap = snapshots.find(id).filter(s -> s.model() != null);
        if (snap.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        SnapshotStore.Snapshot s = snap.get();
        TrainedModel model = decode(id, s);
        return ResponseEntity.ok(ModelSurfaces.view(model, q, s.epoch(), job.status() == JobStatus.RUNNING));
    }

    @GetMapping("/confusion")
    @Operation(summary = "Confusion matrix (counts[true][predicted]) on the validation rows — on the training rows "
            + "when none were held out — for the latest snapshot or the final model; 204 before there is one")
    ResponseEntity<JobSnapshots.ConfusionView> confusion(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        JobRow job = jobs.visible(id, caller);
        Optional<DatasetInfo> data = datasets.find(job.datasetId(), caller);
        if (data.isPresent() && data.get().task() != Dataset.Task.CLASSIFICATION) {
            throw ApiException.badRequest("A confusion matrix is for classification; dataset " + job.datasetId()
                    + " is a regression dataset.");
        }
        return snapshots.find(id).filter(s -> s.confusion() != null)
                .map(s -> ResponseEntity.ok(json.readValue(s.confusion(), JobSnapshots.ConfusionView.class)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private TrainedModel decode(UUID id, SnapshotStore.Snapshot s) {
        String key = id + "/" + s.epoch() + "/" + s.updatedAt();
        synchronized (decoded) {
            TrainedModel m = decoded.get(key);
            if (m != null) {
                return m;
            }
        }
        TrainedModel m = ModelCodec.read(s.model());
        synchronized (decoded) {
            decoded.put(key, m);
        }
        return m;
    }
}
