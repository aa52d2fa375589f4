package io.widrow.models.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain JDBC rather than JPA: every query names its columns, so listing and detail views provably never touch the
 * weights column, and the weights can be streamed from the result set instead of materialised in an entity.
 */
@Repository
class ModelStore {
    private static final String META_COLUMNS =
            "id, owner_id, job_id, dataset_id, type, task, architecture, feature_names, classes, parameters, metrics, "
                    + "weights_bytes, created_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ModelStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Everything about a model except its weights; the JSON columns stay text for the view to embed. */
    record ModelRow(UUID id, String ownerId, UUID jobId, UUID datasetId, String type, String task,
                    String architectureJson, String featureNamesJson, String classesJson, long parameters,
                    String metricsJson, long weightsBytes, OffsetDateTime createdAt) {
    }

    /** Just enough to authorize a request and size the cache. */
    record Owner(String ownerId, long parameters) {
    }

    void insert(ModelRow row, String weights) {
        jdbc.sql("INSERT INTO models (" + META_COLUMNS + ", weights) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.id(), row.ownerId(), row.jobId(), row.datasetId(), row.type(), row.task(),
                        row.architectureJson(), row.featureNamesJson(), row.classesJson(), row.parameters(),
                        row.metricsJson(), row.weightsBytes(), row.createdAt(), weights)
                .update();
    }

    Optional<ModelRow> find(UUID id) {
        return jdbc.sql("SELECT " + META_COLUMNS + " FROM models WHERE id = ?").param(id).query(ROW).optional();
    }

    /** The model a job registered, if any (at most one: models_job_uq). */
    Optional<UUID> idForJob(UUID jobId) {
        return jdbc.sql("SELECT id FROM models WHERE job_id = ?").param(jobId).query(UUID.class).optional();
    }

    Optional<Owner> owner(UUID id) {
        return jdbc.sql("SELECT owner_id, parameters FROM models WHERE id = ?").param(id)
                .query((rs, n) -> new Owner(rs.getString(1), rs.getLong(2))).optional();
    }

    /** Newest first; {@code ownerId} null lists every owner's models (admins). */
    List<ModelRow> page(String ownerId, int page, int size) {
        long offset = (long) page * size;
        if (ownerId == null) {
            return jdbc.sql("SELECT " + META_COLUMNS + " FROM models ORDER BY created_at DESC, id DESC "
                            + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                    .params(offset, size).query(ROW).list();
        }
        return jdbc.sql("SELECT " + META_COLUMNS + " FROM models WHERE owner_id = ? ORDER BY created_at DESC, id DESC "
                        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(ownerId, offset, size).query(ROW).list();
    }

    long count(String ownerId) {
        if (ownerId == null) {
            return jdbc.sql("SELECT COUNT(*) FROM models").query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM models WHERE owner_id = ?").param(ownerId).query(Long.class).single();
    }

    /** The stored ModelCodec document in full, for decoding. */
    Optional<String> weights(UUID id) {
        return jdbc.sql("SELECT weights FROM models WHERE id = ?").param(id).query(String.class).optional();
    }

    /**
     * Copies the stored document to {@code out} as the driver streams it (H2 reads CLOBs lazily), so a large model is
     * never held in the heap as one string. Returns false when the row is gone.
     */
    boolean streamWeights(UUID id, WriterSupplier out) {
        Boolean found = template.query("SELECT weights FROM models WHERE id = ?", rs -> {
            if (!rs.next()) {
                return false;
            }
            try (Reader in = rs.getCharacterStream(1)) {
                in.transferTo(out.open());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }, id);
        return Boolean.TRUE.equals(found);
    }

    /** Opened only once the row is known to exist, so a missing model can still be answered with problem+json. */
    interface WriterSupplier {
        Writer open() throws IOException;
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM models WHERE id = ?").param(id).update() > 0;
    }

    private static final RowMapper<ModelRow> ROW = ModelStore::row;

    private static ModelRow row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new ModelRow(rs.getObject("id", UUID.class), rs.getString("owner_id"),
                rs.getObject("job_id", UUID.class), rs.getObject("dataset_id", UUID.class),
                rs.getString("type"), rs.getString("task"), rs.getString("architecture"),
                rs.getString("feature_names"), rs.getString("classes"), rs.getLong("parameters"),
                rs.getString("metrics"), rs.getLong("weights_bytes"),
                created == null ? null : created.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
