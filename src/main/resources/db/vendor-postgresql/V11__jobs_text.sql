-- Unbounded JSON text: TEXT on PostgreSQL (CLOB on H2).
ALTER TABLE jobs ADD COLUMN spec TEXT NOT NULL;
ALTER TABLE jobs ADD COLUMN latest TEXT;
ALTER TABLE jobs ADD COLUMN error_detail TEXT;
ALTER TABLE job_metrics ADD COLUMN gradient_norms TEXT;
ALTER TABLE job_metrics ADD COLUMN weight_norms TEXT;
