/**
 * Datasets: what other features may use to find and load a caller's training data
 * ({@link io.widrow.datasets.DatasetCatalog}) and the hook through which jobs block deletion
 * ({@link io.widrow.datasets.DatasetUsage}).
 */
package io.widrow.datasets;
