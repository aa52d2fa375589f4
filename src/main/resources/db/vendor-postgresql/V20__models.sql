-- Trained models. The weights column holds the full ModelCodec document so any node can load any model;
-- metadata columns duplicate the parts of it that listing and detail views need without decoding weights.
-- No foreign keys to jobs or datasets: a model outlives the dataset it was trained on, and the jobs table
-- belongs to another feature's migrations.
CREATE TABLE models (
    id            UUID PRIMARY KEY,
    owner_id      VARCHAR(100) NOT NULL,
    job_id        UUID,
    dataset_id    UUID,
    type          VARCHAR(32)  NOT NULL,
    task          VARCHAR(16)  NOT NULL,
    architecture  TEXT         NOT NULL,
    feature_names TEXT         NOT NULL,
    classes       TEXT         NOT NULL,
    parameters    BIGINT       NOT NULL,
    metrics       TEXT         NOT NULL,
    weights       TEXT         NOT NULL,
    weights_bytes BIGINT       NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT models_task_chk CHECK (task IN ('classification', 'regression'))
);
CREATE INDEX models_owner_created_idx ON models (owner_id, created_at);
CREATE INDEX models_created_idx ON models (created_at);
CREATE INDEX models_job_idx ON models (job_id);
