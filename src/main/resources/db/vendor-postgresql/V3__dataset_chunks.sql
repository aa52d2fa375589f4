-- Samples are stored in the database, split into chunks of at most 4 MiB, so every node can train
-- on any dataset and no single value grows with the upload.
CREATE TABLE dataset_chunks (
    dataset_id UUID    NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    data       BYTEA   NOT NULL,
    PRIMARY KEY (dataset_id, seq)
);
