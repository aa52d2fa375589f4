package io.widrow.jobs.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of the jobs table; never leaves the feature. */
record JobRow(UUID id, String ownerId, UUID datasetId, UUID validationDatasetId, JobStatus status, int priority,
              int maxRuntimeSeconds, int epochs, int epoch, Double etaSeconds, UUID modelId, String errorTitle,
              String errorDetail, String node, int attempt, boolean cancelRequested, Instant createdAt,
              Instant startedAt, Instant finishedAt, String spec, String latest) {
}
