package io.widrow.jobs.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code job_snapshots} row of a job: the latest weights of a running two-input model and the latest
 * confusion matrix. Only the training thread of the job writes it, so update-then-insert needs no vendor upsert.
 */
@Repository
class SnapshotStore {
    private final JdbcTemplate jdbc;

    SnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param model     the latest live weights as widrow-model JSON, or null (not a two-input job)
     * @param confusion the latest confusion matrix as JSON, or null
     */
    record Snapshot(int epoch, String model, String confusion, boolean isFinal, Instant updatedAt) {
    }

    void saveLive(UUID jobId, int epoch, String model, String confusion) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = jdbc.update("UPDATE job_snapshots SET epoch = ?, model = ?, confusion = ?, is_final = FALSE, updated_at = ? "
                + "WHERE job_id = ?", epoch, model, confusion, now, jobId);
        if (n == 0) {
            jdbc.update("INSERT INTO job_snapshots (job_id, epoch, model, confusion, is_final, updated_at) "
                    + "VALUES (?, ?, ?, ?, FALSE, ?)", jobId, epoch, model, confusion, now);
        }
    }

    /** The finished job's confusion matrix; the last live weights stay (the model itself is in the registry). */
    void saveFinal(UUID jobId, int epoch, String confusion) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = jdbc.update("UPDATE job_snapshots SET confusion = ?, is_final = TRUE, updated_at = ? WHERE job_id = ?",
                confusion, now, jobId);
        if (n == 0) {
            jdbc.update("INSERT INTO job_snapshots (job_id, epoch, confusion, is_final, updated_at) VALUES (?, ?, ?, TRUE, ?)",
                    jobId, epoch, confusion, now);
        }
    }

    Optional<Snapshot> find(UUID jobId) {
        return jdbc.query("SELECT epoch, model, confusion, is_final, updated_at FROM job_snapshots WHERE job_id = ?",
                (rs, i) -> new Snapshot(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()), jobId).stream().findFirst();
    }
}
