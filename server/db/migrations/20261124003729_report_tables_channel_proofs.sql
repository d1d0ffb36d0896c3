CREATE TABLE `report_table_snapshots` (
	`document_id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`template_key` text NOT NULL,
	`tables` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `channel_proofs` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`channel` text NOT NULL,
	`published_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
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
CREATE INDEX `channel_proofs_document` ON `channel_proofs` (`document_id`);--> statement-breakpoint
CREATE INDEX `channel_proofs_day` ON `channel_proofs` (`published_on`);