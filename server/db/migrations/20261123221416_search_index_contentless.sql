-- The bigram text is never read back, only matched: contentless FTS5 tables (with deletes by
-- rowid, SQLite ≥ 3.43) drop the stored copy, about a third of a generated database's size.
-- An FTS row's rowid is the document's number in search_documents (documents has a text key,
-- and its implicit rowid may change on VACUUM, so it cannot be used).
DROP TABLE `search_public`;
--> statement-breakpoint
DROP TABLE `search_staff`;
--> statement-breakpoint
CREATE TABLE `search_documents` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `document_id` text NOT NULL UNIQUE);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_public` USING fts5(`title`, `body`, content = '', contentless_delete = 1, tokenize = 'unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_staff` USING fts5(`title`, `body`, content = '', contentless_delete = 1, tokenize = 'unicode61');
--> statement-breakpoint
-- Everything is indexed again on the next search.
INSERT OR IGNORE INTO `search_queue` (`document_id`) SELECT `id` FROM `documents`;
