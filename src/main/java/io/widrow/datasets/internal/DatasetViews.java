package io.widrow.datasets.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Web DTOs of the datasets API; field names are part of the public contract. */
final class DatasetViews {
    private DatasetViews() {
    }

    record DatasetView(UUID id, String name, String format, String task, int rows, int features,
                       List<String> featureNames, String labelColumn, List<String> classes,
                       Map<String, Integer> classCounts, Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DatasetDetail(UUID id, String name, String format, String task, int rows, int features,
                         List<String> featureNames, String labelColumn, List<String> classes,
                         Map<String, Integer> classCounts, Instant createdAt,
                         List<FeatureStats> stats, List<PreviewRow> preview) {
    }

    record FeatureStats(String name, double mean, double std, double min, double max) {
    }

    /** {@code label} is the class name (classification) or the numeric target (regression). */
    record PreviewRow(float[] features, Object label) {
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
