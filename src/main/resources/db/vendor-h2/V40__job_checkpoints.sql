-- The latest training state of each running job (one row per job, replaced on every save), so a job that
-- loses its node, its process or its turn continues from there. The state is the engine's versioned binary
-- checkpoint (weights, optimizer, schedules, shuffle stream, position in the epoch). BLOB on H2, BYTEA on
-- PostgreSQL. attempt is the run that wrote it.
CREATE TABLE job_checkpoints (
    job_id   UUID    PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    epoch    INTEGER NOT NULL,
    attempt  INTEGER NOT NULL,
    state    BLOB    NOT NULL,
    saved_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
