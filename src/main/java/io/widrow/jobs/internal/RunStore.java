package io.widrow.jobs.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.widrow.engine.train.TrainingCheckpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL for what keeps a job alive across faults: checkpoints, progress writes fenced by the run's attempt,
 * requeues, and the live jobs a reconciliation looks at. Every write a run makes names its attempt, so a run
 * that lost its job (its node was presumed dead and the job recovered elsewhere) can no longer change it.
 */
@Repository
class RunStore {
    private final JdbcTemplate jdbc;

    RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In a transaction, locks the row if run {@code attempt} still owns the job; false if it does not. */
    boolean claim(UUID id, int attempt) {
        return jdbc.update("UPDATE jobs SET attempt = attempt WHERE id = ? AND status = 'RUNNING' AND attempt = ?",
                id, attempt) == 1;
    }

    /** Moves the job's progress to {@code epoch}; false if run {@code attempt} no longer owns the job. */
    boolean advance(UUID id, int attempt, int epoch, String latestJson, Double eta) {
        return jdbc.update("UPDATE jobs SET epoch = ?, latest = ?, eta_seconds = ? WHERE id = ? AND status = 'RUNNING' "
                + "AND attempt = ?", epoch, latestJson, eta, id, attempt) == 1;
    }

    /** Replaces the job's checkpoint; call after {@link #claim} or {@link #advance} in the same transaction. */
    void saveCheckpoint(UUID id, int attempt, TrainingCheckpoint checkpoint) {
        Object now = JobStore.ts(Instant.now());
        int n = jdbc.update("UPDATE job_checkpoints SET epoch = ?, attempt = ?, state = ?, saved_at = ? "
                + "WHERE job_id = ?", checkpoint.epoch(), attempt, checkpoint.state(), now, id);
        if (n == 0) {
            jdbc.update("INSERT INTO job_checkpoints (job_id, epoch, attempt, state, saved_at) VALUES (?, ?, ?, ?, ?)",
                    id, checkpoint.epoch(), attempt, checkpoint.state(), now);
        }
    }

    Optional<TrainingCheckpoint> checkpoint(UUID id) {
        return jdbc.query("SELECT epoch, state FROM job_checkpoints WHERE job_id = ?",
                (rs, i) -> new TrainingCheckpoint(rs.getInt(1), rs.getBytes(2)), id).stream().findFirst();
    }

    void deleteCheckpoint(UUID id) {
        jdbc.update("DELETE FROM job_checkpoints WHERE job_id = ?", id);
    }

    /** Checkpoints of jobs that have ended (e.g. cancelled while queued after a suspension). */
    int deleteFinishedCheckpoints() {
        return jdbc.update("DELETE FROM job_checkpoints WHERE job_id IN (SELECT id FROM jobs WHERE status IN "
                + "('SUCCEEDED', 'FAILED', 'CANCELLED'))");
    }

    /**
     * Forgets the epochs after {@code epoch}: a run resuming from a checkpoint at {@code epoch} trains them again
     * (a run without one passes 0). {@code latestJson} is the kept last epoch's view, or null.
     */
    void rewind(UUID id, int epoch, String latestJson) {
        jdbc.update("DELETE FROM job_metrics WHERE job_id = ? AND epoch > ?", id, epoch);
        jdbc.update("UPDATE jobs SET epoch = ?, latest = ?, eta_seconds = NULL WHERE id = ?", epoch, latestJson, id);
    }

    /** What a running job's owner must react to. */
    record Control(JobStatus status, int attempt, boolean cancelRequested) {
    }

    Optional<Control> control(UUID id) {
        return jdbc.query("SELECT status, attempt, cancel_requested FROM jobs WHERE id = ?",
                (rs, i) -> new Control(JobStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getBoolean(3)), id)
                .stream().findFirst();
    }

    /** RUNNING → QUEUED for run {@code attempt} (suspended, or its owner is gone); false if it no longer owns it. */
    boolean requeue(UUID id, int attempt) {
        return jdbc.update("UPDATE jobs SET status = 'QUEUED', node = NULL, eta_seconds = NULL WHERE id = ? "
                + "AND status = 'RUNNING' AND attempt = ?", id, attempt) == 1;
    }

    /**
     * RUNNING → QUEUED after an unexpected failure, counting it, unless the job has already failed
     * {@code retries} times; false means no retry is left (or the run no longer owns the job).
     */
    boolean requeueAfterFailure(UUID id, int attempt, int retries) {
        return jdbc.update("UPDATE jobs SET status = 'QUEUED', node = NULL, eta_seconds = NULL, "
                + "failures = failures + 1 WHERE id = ? AND status = 'RUNNING' AND attempt = ? AND failures < ?",
                id, attempt, retries) == 1;
    }

    int failures(UUID id) {
        Integer n = jdbc.queryForObject("SELECT failures FROM jobs WHERE id = ?", Integer.class, id);
        return n == null ? 0 : n;
    }

    /** A job that still has to run or is running, as a reconciliation sees it. */
    record Live(UUID id, JobStatus status, int attempt, int priority, Instant createdAt) {
    }

    List<Live> live() {
        return jdbc.query("SELECT id, status, attempt, priority, created_at FROM jobs "
                        + "WHERE status IN ('QUEUED', 'RUNNING')",
                (rs, i) -> new Live(rs.getObject(1, UUID.class), JobStatus.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getInt(4), rs.getObject(5, java.time.OffsetDateTime.class).toInstant()));
    }
}
