CREATE TABLE `workflow_definitions` (
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	PRIMARY KEY(`key`, `version`),
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
