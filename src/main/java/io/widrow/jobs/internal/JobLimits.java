package io.widrow.jobs.internal;

import java.util.ArrayList;
import java.util.List;

import io.widrow.datasets.DatasetCatalog;
import io.widrow.datasets.DatasetInfo;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.Footprint;
import io.widrow.engine.model.ModelSpec;
import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import io.widrow.system.Sizes;
import io.widrow.system.StorageQuota;
import io.widrow.system.TooManyRequests;
import io.widrow.system.WidrowProperties;
import org.springframework.stereotype.Component;

/**
 * Admission control for a validated job: how many jobs the owner already has waiting, and whether this one's size
 * (parameters, epochs × rows, estimated memory, the model it will store) fits the configured limits. Runs at
 * submission, before the job is queued, so nothing oversized ever reaches a worker.
 */
@Component
class JobLimits {
    /** How long a client told "too many jobs" should wait: roughly one short job. */
    static final long ACTIVE_RETRY_SECONDS = 30;

    private final DatasetCatalog catalog;
    private final JobStore store;
    private final StorageQuota quota;
    private final WidrowProperties.Limits limits;

    JobLimits(DatasetCatalog catalog, JobStore store, StorageQuota quota, WidrowProperties properties) {
        this.catalog = catalog;
        this.store = store;
        this.quota = quota;
        this.limits = properties.limits();
    }

    /** Throws 429 (too many active jobs), 400 (a size limit, each named) or 413 (storage quota). */
    void admit(SpecMapper.Prepared p, Caller caller) {
        long active = store.countIn(caller.ownerId(), JobStatus.QUEUED, JobStatus.RUNNING);
        if (active >= limits.maxActiveJobs()) {
            throw new TooManyRequests("'" + caller.ownerId() + "' already has " + active + " queued or running jobs, "
                    + "the limit is " + limits.maxActiveJobs() + " (widrow.limits.max-active-jobs); wait for one to "
                    + "finish or cancel one.", ACTIVE_RETRY_SECONDS);
        }
        DatasetInfo train = dataset(p.datasetId().toString(), caller);
        int validationRows = p.validationDatasetId() == null ? 0
                : dataset(p.validationDatasetId().toString(), caller).rows();
        ModelSpec model = p.engine().model();
        Footprint f = Footprint.estimate(model, p.engine().training(), train.rows(), train.features(),
                outputs(model, train), validationRows);

        List<ApiException.FieldProblem> problems = new ArrayList<>();
        if (f.parameters() > limits.maxParameters()) {
            problems.add(new ApiException.FieldProblem(model.type().equals("mlp") ? "model.layers" : "model.featureMap",
                    "the network would have " + count(f.parameters()) + " trainable parameters, more than the limit of "
                            + limits.maxParameters() + " (widrow.limits.max-parameters)"));
        }
        long epochRows = (long) p.engine().training().epochs() * train.rows();
        if (epochRows > limits.maxEpochRows()) {
            problems.add(new ApiException.FieldProblem("training.epochs", p.engine().training().epochs()
                    + " epochs × " + train.rows() + " rows = " + epochRows + " exceeds the budget of "
                    + limits.maxEpochRows() + " (widrow.limits.max-epoch-rows)"));
        }
        long heap = Runtime.getRuntime().maxMemory();
        long allowed = (long) (heap * limits.maxJobMemoryFraction());
        if (f.totalBytes() > allowed) {
            problems.add(new ApiException.FieldProblem("model", "the job needs an estimated " + Sizes.bytes(f.totalBytes())
                    + " of memory (data " + Sizes.bytes(f.dataBytes()) + ", parameters and optimizer state "
                    + Sizes.bytes(f.parameterBytes()) + ", activations " + Sizes.bytes(f.activationBytes())
                    + ", saving the model " + Sizes.bytes(f.serializedBytes()) + " per copy), more than "
                    + limits.maxJobMemoryFraction() + " of the " + Sizes.bytes(heap) + " heap ("
                    + Sizes.bytes(allowed) + "; widrow.limits.max-job-memory-fraction)"));
        }
        if (!problems.isEmpty()) {
            StringBuilder detail = new StringBuilder(problems.size() == 1 ? "The job exceeds a limit: "
                    : "The job exceeds " + problems.size() + " limits: ");
            for (int i = 0; i < problems.size(); i++) {
                detail.append(i == 0 ? "" : "; ").append(problems.get(i).field()).append(": ").append(problems.get(i).message());
            }
            throw ApiException.badRequest(detail.append('.').toString(), problems);
        }
        quota.check(caller.ownerId(), f.serializedBytes(), "the model this job will produce");
    }

    private DatasetInfo dataset(String id, Caller caller) {
        // SpecMapper has just found it; a delete in between is the only way to get here.
        return catalog.find(java.util.UUID.fromString(id), caller)
                .orElseThrow(() -> ApiException.notFound("Dataset " + id + " not found."));
    }

    /** As Training.outputUnits infers them; the spec has already been checked against the data. */
    private static int outputs(ModelSpec model, DatasetInfo train) {
        if (model.output() != null && model.output().units() > 0) {
            return model.output().units();
        }
        if (train.task() == Dataset.Task.REGRESSION) {
            return 1;
        }
        int classes = Math.max(1, train.classes().size());
        return model.output() != null && model.output().activation().equals("sigmoid") && classes == 2 ? 1 : classes;
    }

    private static String count(long n) {
        return n == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(n);
    }
}
