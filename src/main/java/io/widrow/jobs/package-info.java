/**
 * Training jobs: a queued, cluster-wide (Quartz) run of the engine on a stored dataset, with per-epoch
 * metrics, live progress over SSE and cancellation. The feature exposes no Java API to other features; it
 * plugs into datasets through {@link io.widrow.datasets.DatasetUsage} and hands results to
 * {@link io.widrow.models.ModelRegistry}.
 */
package io.widrow.jobs;
