PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`document_id` text,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`detail` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("seq", "at", "actor_id", "document_id", "action", "from_state", "to_state", "detail", "prev_hash", "hash") SELECT "seq", "at", "actor_id", "document_id", "action", "from_state", "to_state", "detail", "prev_hash", "hash" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `audit_document` ON `audit_log` (`document_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_action` ON `audit_log` (`action`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_actor` ON `audit_log` (`actor_id`,`seq`);--> statement-breakpoint
-- The audit log, rebuilt without AUTOINCREMENT and without the unique index on prev_hash.
-- AUTOINCREMENT rewrote its sqlite_sequence row at every append; rows are never deleted, so
-- the plain rowid never gives a number twice. The unique index was the fork guard, but it was
-- keyed by a random hash: every append wrote a random page of it (≈ 6 million entries at a
-- million documents). The trigger below guards more for less: a new row must name the last
-- row's hash, read from the table's last page. Two writers on one tip cannot both append.
-- The append-only triggers went with the old table; they are the same.
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
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
WHEN NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '')
BEGIN
  SELECT RAISE(ABORT, 'SHENFA_AUDIT_CHAIN_FORK');
END;
