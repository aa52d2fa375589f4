package io.widrow.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * SQL for jobs and their metrics. Status changes are conditional updates ({@code WHERE status = ...}) so two
 * actors racing (a cancel and a starting worker, a re-fired trigger and a finished run) can never both win.
 * Plain JDBC rather than JPA: the hot path is one insert and one update per epoch, and the large JSON columns
 * differ by vendor.
 */
@Repository
class JobStore {
    private static final String COLUMNS = "id, owner_id, dataset_id, validation_dataset_id, status, priority, "
            + "max_runtime_seconds, epochs, epoch, eta_seconds, model_id, error_title, error_detail, node, attempt, "
            + "cancel_requested, created_at, started_at, finished_at, spec, latest";
    private static final String METRIC_COLUMNS = "epoch, loss, accuracy, val_loss, val_accuracy, learning_rate, "
            + "momentum, samples_per_second, seconds, gradient_norms, weight_norms";

    private final JdbcTemplate jdbc;

    JobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(JobRow j) {
        jdbc.update("INSERT INTO jobs (id, owner_id, dataset_id, validation_dataset_id, status, priority, "
                        + "max_runtime_seconds, epochs, created_at, spec) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                j.id(), j.ownerId(), j.datasetId(), j.validationDatasetId(), j.status().name(), j.priority(),
                j.maxRuntimeSeconds(), j.epochs(), ts(j.createdAt()), j.spec());
    }

    Optional<JobRow> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", JOB, id).stream().findFirst();
    }

    List<JobRow> page(String ownerId, JobStatus status, int page, int size) {
        Where w = new Where(ownerId, status);
        List<Object> args = new ArrayList<>(w.args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("SELECT " + COLUMNS + " FROM jobs" + w.sql + " ORDER BY created_at DESC, id DESC "
                + "LIMIT ? OFFSET ?", JOB, args.toArray());
    }

    /**
     * Jobs of an owner in any of {@code statuses}, in one query: counting QUEUED and RUNNING separately
     * counted a job twice when it started between the two (a false 429 at the active-jobs limit).
     */
    long countIn(String ownerId, JobStatus... statuses) {
        StringBuilder in = new StringBuilder();
        List<Object> args = new ArrayList<>();
        args.add(ownerId);
        for (JobStatus s : statuses) {
            in.append(in.length() == 0 ? "?" : ", ?");
            args.add(s.name());
        }
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE owner_id = ? AND status IN (" + in + ")",
                Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    long count(String ownerId, JobStatus status) {
        Where w = new Where(ownerId, status);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM jobs" + w.sql, Long.class, w.args.toArray());
        return n == null ? 0 : n;
    }

    private static final class Where {
        final String sql;
        final List<Object> args = new ArrayList<>();

        Where(String ownerId, JobStatus status) {
            List<String> parts = new ArrayList<>();
            if (ownerId != null) {
                parts.add("owner_id = ?");
                args.add(ownerId);
            }
            if (status != null) {
                parts.add("status = ?");
                args.add(status.name());
            }
            sql = parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }
    }

    /**
     * QUEUED → RUNNING for a normal start; a Quartz recovery of a dead node's run may also take over a RUNNING
     * row, unless the node running it is a live cluster member other than {@code node} (a stale recovery racing
     * the job's own requeued trigger). Returns false when there is nothing to do (cancelled meanwhile, already
     * finished, or a duplicate fire). Progress and metrics stay: the runner rewinds them to its checkpoint. The
     * attempt count goes up, which fences off any earlier run of the job still alive somewhere.
     */
    boolean markRunning(UUID id, String node, boolean recovering, Instant now) {
        String sql = "UPDATE jobs SET status = 'RUNNING', started_at = ?, node = ?, attempt = attempt + 1, "
                + "eta_seconds = NULL WHERE id = ? AND ";
        if (!recovering) {
            return jdbc.update(sql + "status = 'QUEUED'", ts(now), node, id) == 1;
        }
        return jdbc.update(sql + "(status = 'QUEUED' OR status = 'RUNNING' AND (node IS NULL OR node = ? "
                + "OR node NOT IN (SELECT instance_name FROM qrtz_scheduler_state)))", ts(now), node, id, node) == 1;
    }

    /** Inserts an epoch's metrics row unless it is already there. */
    void insertEpoch(UUID id, JobViews.MetricsView m, String gradientNorms, String weightNorms) {
        Long present = jdbc.queryForObject("SELECT COUNT(*) FROM job_metrics WHERE job_id = ? AND epoch = ?",
                Long.class, id, m.epoch());
        if (present == null || present == 0) {
            jdbc.update("INSERT INTO job_metrics (job_id, " + METRIC_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, m.epoch(), m.loss(), m.accuracy(), m.valLoss(), m.valAccuracy(), m.learningRate(), m.momentum(),
                    m.samplesPerSecond(), m.seconds(), gradientNorms, weightNorms);
        }
    }

    /** Ends run {@code attempt} of a job; false if that run no longer owns it. */
    boolean finish(UUID id, int attempt, JobStatus status, UUID modelId, String errorTitle, String errorDetail,
                   Instant now) {
        return jdbc.update("UPDATE jobs SET status = ?, model_id = ?, error_title = ?, error_detail = ?, "
                        + "finished_at = ?, eta_seconds = NULL WHERE id = ? AND status = 'RUNNING' AND attempt = ?",
                status.name(), modelId, errorTitle, errorDetail, ts(now), id, attempt) == 1;
    }

    boolean cancelQueued(UUID id, Instant now) {
        return jdbc.update("UPDATE jobs SET status = 'CANCELLED', finished_at = ? WHERE id = ? AND status = 'QUEUED'",
                ts(now), id) == 1;
    }

    boolean requestCancel(UUID id) {
        return jdbc.update("UPDATE jobs SET cancel_requested = TRUE WHERE id = ? AND status = 'RUNNING'", id) == 1;
    }

    boolean cancelRequested(UUID id) {
        List<Boolean> r = jdbc.query("SELECT cancel_requested FROM jobs WHERE id = ?",
                (rs, i) -> rs.getBoolean(1), id);
        return !r.isEmpty() && r.get(0);
    }

    /** Epochs after {@code afterEpoch}, in order: the SSE poller only ever asks for what it has not sent. */
    List<StoredMetrics> metrics(UUID id, int afterEpoch) {
        return jdbc.query("SELECT " + METRIC_COLUMNS + " FROM job_metrics WHERE job_id = ? AND epoch > ? ORDER BY epoch",
                (rs, i) -> new StoredMetrics(rs.getInt("epoch"), dbl(rs, "loss"), dbl(rs, "accuracy"),
                        dbl(rs, "val_loss"), dbl(rs, "val_accuracy"), dbl(rs, "learning_rate"), dbl(rs, "momentum"),
                        rs.getString("gradient_norms"), rs.getString("weight_norms"), dbl(rs, "samples_per_second"),
                        dbl(rs, "seconds")),
                id, afterEpoch);
    }

    /** Metrics as stored; the norm arrays stay JSON text until a view needs them. */
    record StoredMetrics(int epoch, Double loss, Double accuracy, Double valLoss, Double valAccuracy,
                         Double learningRate, Double momentum, String gradientNorms, String weightNorms,
                         Double samplesPerSecond, Double seconds) {
    }

    Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT status, COUNT(*) FROM jobs GROUP BY status",
                rs -> {
                    counts.put(JobStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    boolean datasetInUse(UUID datasetId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE status IN ('QUEUED', 'RUNNING') "
                + "AND (dataset_id = ? OR validation_dataset_id = ?)", Long.class, datasetId, datasetId);
        return n != null && n > 0;
    }

    private static final RowMapper<JobRow> JOB = (rs, i) -> new JobRow(
            rs.getObject("id", UUID.class), rs.getString("owner_id"), rs.getObject("dataset_id", UUID.class),
            rs.getObject("validation_dataset_id", UUID.class), JobStatus.valueOf(rs.getString("status")),
            rs.getInt("priority"), rs.getInt("max_runtime_seconds"), rs.getInt("epochs"), rs.getInt("epoch"),
            dbl(rs, "eta_seconds"), rs.getObject("model_id", UUID.class), rs.getString("error_title"),
            rs.getString("error_detail"), rs.getString("node"), rs.getInt("attempt"), rs.getBoolean("cancel_requested"),
            instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("spec"),
            rs.getString("latest"));

    private static Double dbl(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
