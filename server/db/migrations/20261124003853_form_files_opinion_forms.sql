CREATE TABLE `form_files` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text,
	`field_key` text,
	`original_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `form_files_document` ON `form_files` (`document_id`);--> statement-breakpoint
ALTER TABLE `review_records` ADD `opinion_form` text;