CREATE TABLE `form_definitions` (
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	PRIMARY KEY(`key`, `version`),
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `categories` ADD `form_key` text DEFAULT 'draft_document' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `form_key` text DEFAULT 'draft_document' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `form_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `extra_fields` text DEFAULT '{}' NOT NULL;