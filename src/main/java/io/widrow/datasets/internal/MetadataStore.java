package io.widrow.datasets.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-feature stats and per-class counts, kept in side tables so lists and details never decode samples. */
@Repository
class MetadataStore {
    private final JdbcClient jdbc;

    MetadataStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveFeatures(UUID id, List<DatasetViews.FeatureStats> stats) {
        for (int i = 0; i < stats.size(); i++) {
            DatasetViews.FeatureStats s = stats.get(i);
            jdbc.sql("INSERT INTO dataset_features (dataset_id, idx, name, mean_value, std_value, min_value, max_value) VALUES (?,?,?,?,?,?,?)")
                    .params(id, i, s.name(), s.mean(), s.std(), s.min(), s.max())
                    .update();
        }
    }

    void saveClasses(UUID id, String[] classes, int[] counts) {
        for (int i = 0; i < classes.length; i++) {
            jdbc.sql("INSERT INTO dataset_classes (dataset_id, idx, label, sample_count) VALUES (?,?,?,?)")
                    .params(id, i, classes[i], counts[i])
                    .update();
        }
    }

    List<DatasetViews.FeatureStats> features(UUID id) {
        return jdbc.sql("SELECT name, mean_value, std_value, min_value, max_value FROM dataset_features WHERE dataset_id = ? ORDER BY idx")
                .param(id)
                .query((rs, n) -> new DatasetViews.FeatureStats(rs.getString(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5)))
                .list();
    }

    List<String> featureNames(UUID id) {
        return jdbc.sql("SELECT name FROM dataset_features WHERE dataset_id = ? ORDER BY idx").param(id)
                .query(String.class).list();
    }

    /** Class label to sample count, in class-index order. */
    Map<String, Integer> classCounts(UUID id) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.sql("SELECT label, sample_count FROM dataset_classes WHERE dataset_id = ? ORDER BY idx").param(id)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    List<String> classes(UUID id) {
        return new ArrayList<>(classCounts(id).keySet());
    }
}
