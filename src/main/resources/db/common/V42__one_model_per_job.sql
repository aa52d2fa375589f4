-- A job registers at most one model: a run recovered after registering but before marking the job
-- SUCCEEDED finds the model already there instead of adding a duplicate. NULL job ids stay unconstrained.
CREATE UNIQUE INDEX models_job_uq ON models (job_id);
