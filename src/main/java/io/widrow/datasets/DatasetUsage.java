package io.widrow.datasets;

import java.util.UUID;

/**
 * Implemented by the jobs feature so a dataset cannot be deleted under a queued or running job.
 * Without any bean, datasets are never considered in use.
 */
public interface DatasetUsage {
    boolean inUse(UUID datasetId);
}
