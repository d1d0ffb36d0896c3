-- Optimistic concurrency: every write to a document must move its version forward by
-- exactly one. A writer that read an old version sets a value that does not follow the
-- stored one, and the whole batch it belongs to is rolled back.
CREATE TRIGGER documents_version_check BEFORE UPDATE ON documents
WHEN NEW.version <> OLD.version + 1
BEGIN
  SELECT RAISE(ABORT, 'SHENFA_STALE_VERSION');
END;
--> statement-breakpoint
-- The audit log is append-only.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'SHENFA_AUDIT_APPEND_ONLY');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'SHENFA_AUDIT_APPEND_ONLY');
END;
--> statement-breakpoint
-- A published index number (索引号) is never reused or changed.
CREATE TRIGGER documents_index_number_fixed BEFORE UPDATE OF index_number ON documents
WHEN OLD.index_number IS NOT NULL AND NEW.index_number IS NOT OLD.index_number
BEGIN
  SELECT RAISE(ABORT, 'SHENFA_INDEX_NUMBER_FIXED');
END;
