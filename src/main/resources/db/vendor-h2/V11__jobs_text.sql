-- Unbounded JSON text: CLOB on H2 (TEXT on PostgreSQL).
ALTER TABLE jobs ADD COLUMN spec CLOB NOT NULL;
ALTER TABLE jobs ADD COLUMN latest CLOB;
ALTER TABLE jobs ADD COLUMN error_detail CLOB;
ALTER TABLE job_metrics ADD COLUMN gradient_norms CLOB;
ALTER TABLE job_metrics ADD COLUMN weight_norms CLOB;
