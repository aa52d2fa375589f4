package io.widrow.datasets;

import java.util.List;
import java.util.UUID;

import io.widrow.engine.data.Dataset;

/** What other features need to know about a dataset without decoding its samples. */
public record DatasetInfo(UUID id, String ownerId, String name, Dataset.Task task, int rows, int features,
                          List<String> featureNames, List<String> classes) {
}
