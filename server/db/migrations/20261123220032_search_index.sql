-- Chinese full-text search. SQLite has no Chinese word breaker, so the text is indexed as
-- overlapping character bigrams (低保标准 → 低保 保标 标准), written by the application as
-- space-separated tokens; unicode61 then sees each bigram as one token, and a query is the
-- phrase of its own bigrams. Two indexes: what the public may search (published, redactions
-- removed) and what staff may search (full text, filtered by access at query time).
CREATE VIRTUAL TABLE `search_public` USING fts5(`document_id` UNINDEXED, `title`, `body`, tokenize = 'unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_staff` USING fts5(`document_id` UNINDEXED, `title`, `body`, tokenize = 'unicode61');
--> statement-breakpoint
-- Bigrams are computed in TypeScript, so triggers cannot fill the indexes; they queue the
-- documents whose searchable text or visibility changed, and the search service indexes the
-- queue before it answers. No write path can forget to update the index.
CREATE TABLE `search_queue` (`document_id` text PRIMARY KEY NOT NULL);
--> statement-breakpoint
CREATE TRIGGER `search_queue_document_insert` AFTER INSERT ON `documents`
BEGIN INSERT OR IGNORE INTO `search_queue` (`document_id`) VALUES (NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `search_queue_document_update` AFTER UPDATE OF `title`, `body`, `doc_number`, `status`, `attribute`, `withdrawn_at` ON `documents`
BEGIN INSERT OR IGNORE INTO `search_queue` (`document_id`) VALUES (NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `search_queue_document_delete` AFTER DELETE ON `documents`
BEGIN INSERT OR IGNORE INTO `search_queue` (`document_id`) VALUES (OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `search_queue_redaction_insert` AFTER INSERT ON `redactions`
BEGIN INSERT OR IGNORE INTO `search_queue` (`document_id`) VALUES (NEW.`document_id`); END;
--> statement-breakpoint
CREATE TRIGGER `search_queue_redaction_update` AFTER UPDATE ON `redactions`
BEGIN INSERT OR IGNORE INTO `search_queue` (`document_id`) VALUES (NEW.`document_id`); END;
--> statement-breakpoint
CREATE TRIGGER `search_queue_redaction_delete` AFTER DELETE ON `redactions`
BEGIN INSERT OR IGNORE INTO `search_queue` (`document_id`) VALUES (OLD.`document_id`); END;
