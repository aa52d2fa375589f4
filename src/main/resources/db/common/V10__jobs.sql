-- Training jobs. The job row is the source of truth for status; Quartz only carries the job id, so a
-- re-fired or recovered trigger can always decide from here whether there is still work to do.
-- Large JSON text columns (spec, latest, error detail, norms) are added per vendor in V11.
CREATE TABLE jobs (
    id                    UUID PRIMARY KEY,
    owner_id              VARCHAR(100) NOT NULL,
    dataset_id            UUID         NOT NULL,
    validation_dataset_id UUID,
    status                VARCHAR(16)  NOT NULL,
    priority              INTEGER      NOT NULL,
    max_runtime_seconds   INTEGER      NOT NULL,
    epochs                INTEGER      NOT NULL,
    epoch                 INTEGER      NOT NULL DEFAULT 0,
    eta_seconds           DOUBLE PRECISION,
    model_id              UUID,
    error_title           VARCHAR(200),
    node                  VARCHAR(200),
    attempt               INTEGER      NOT NULL DEFAULT 0,
    cancel_requested      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_at            TIMESTAMP(6) WITH TIME ZONE,
    finished_at           TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT jobs_status_chk CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'))
);
CREATE INDEX jobs_owner_created_idx ON jobs (owner_id, created_at);
CREATE INDEX jobs_created_idx ON jobs (created_at);
CREATE INDEX jobs_status_idx ON jobs (status);
-- DatasetUsage asks "is any live job using this dataset" on every dataset delete.
CREATE INDEX jobs_dataset_idx ON jobs (dataset_id);
CREATE INDEX jobs_validation_dataset_idx ON jobs (validation_dataset_id);

-- One row per finished epoch; the primary key makes a replayed epoch a no-op instead of a duplicate.
CREATE TABLE job_metrics (
    job_id             UUID    NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    epoch              INTEGER NOT NULL,
    loss               DOUBLE PRECISION,
    accuracy           DOUBLE PRECISION,
    val_loss           DOUBLE PRECISION,
    val_accuracy       DOUBLE PRECISION,
    learning_rate      DOUBLE PRECISION,
    momentum           DOUBLE PRECISION,
    samples_per_second DOUBLE PRECISION,
    seconds            DOUBLE PRECISION,
    PRIMARY KEY (job_id, epoch)
);
