-- Optimistic concurrency for information requests, as for documents: every write must move
-- the version forward by exactly one, so a clerk acting on a stale page changes nothing.
CREATE TRIGGER info_requests_version_check BEFORE UPDATE ON info_requests
WHEN NEW.version <> OLD.version + 1
BEGIN
  SELECT RAISE(ABORT, 'SHENFA_STALE_VERSION');
END;
