CREATE TABLE `channel_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`label_zh` text,
	`label_en` text,
	`effect_zh` text,
	`effect_en` text,
	`enabled` integer DEFAULT true NOT NULL,
	`sort_order` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `webhook_endpoints` ADD `channel` text DEFAULT 'portal' NOT NULL;