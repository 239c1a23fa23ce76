-- The audit log is kept AUDIT_RETENTION_DAYS; the nightly housekeeping deletes older rows by their
-- time. Rows are appended in time order, so a BRIN index finds the old ones at almost no cost to
-- the inserts (every state change writes a row).
create index audit_log_created_brin on audit_log using brin (created_at);
