CREATE TABLE `annual_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`template_key` text NOT NULL,
	`general_situation` text DEFAULT '' NOT NULL,
	`problems_and_improvements` text DEFAULT '' NOT NULL,
	`other_matters` text DEFAULT '' NOT NULL,
	`fee_amount_yuan` real DEFAULT 0 NOT NULL,
	`procurement_amount_yuan` real DEFAULT 0 NOT NULL,
	`document_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_reports_year` ON `annual_reports` (`year`);--> statement-breakpoint
ALTER TABLE `categories` ADD `report_cell` text;