-- How often a job's run ended in an unexpected error; the runner requeues it while this stays within the
-- spec's retries, then fails it.
ALTER TABLE jobs ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
