package io.widrow.jobs.internal;

import java.util.UUID;

import io.widrow.datasets.DatasetUsage;
import org.springframework.stereotype.Component;

/** A dataset cannot be deleted while a queued or running job will read it (as training or validation set). */
@Component
class JobDatasetUsage implements DatasetUsage {
    private final JobStore store;

    JobDatasetUsage(JobStore store) {
        this.store = store;
    }

    @Override
    public boolean inUse(UUID datasetId) {
        return store.datasetInUse(datasetId);
    }
}
