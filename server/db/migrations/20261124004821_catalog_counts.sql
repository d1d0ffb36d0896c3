CREATE TABLE `catalog_counts` (
	`category_id` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `documents_catalog`;--> statement-breakpoint
DROP INDEX `documents_catalog_category`;--> statement-breakpoint
CREATE INDEX `documents_catalog` ON `documents` (`status`,`published_at`,`attribute`);--> statement-breakpoint
CREATE INDEX `documents_catalog_category` ON `documents` (`status`,`category_id`,`published_at`,`attribute`);