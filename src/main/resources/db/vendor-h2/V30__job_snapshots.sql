-- The latest look at a job's model for the console: a running 2-input network's weights (at most a couple
-- of times a second) and the confusion matrix on the validation rows. One row per job, overwritten; any node
-- serves it, whichever node trains. JSON text is CLOB on H2 (TEXT on PostgreSQL).
CREATE TABLE job_snapshots (
    job_id     UUID    PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    epoch      INTEGER NOT NULL,
    model      CLOB,
    confusion  CLOB,
    is_final   BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
