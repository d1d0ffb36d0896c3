CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_roles_role` ON `user_roles` (`role`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`department_id` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`failures` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`column` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`requires_disclosure` integer DEFAULT false NOT NULL,
	`clock_rule` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_code_unique` ON `categories` (`code`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
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
CREATE INDEX `attachments_document` ON `attachments` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_clocks` (
	`document_id` text PRIMARY KEY NOT NULL,
	`rule` text NOT NULL,
	`started_on` text NOT NULL,
	`due_date` text NOT NULL,
	`provisional` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_clocks_due` ON `document_clocks` (`due_date`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`doc_number` text DEFAULT '' NOT NULL,
	`category_id` text NOT NULL,
	`written_at` text NOT NULL,
	`body` text NOT NULL,
	`has_statistics` integer NOT NULL,
	`is_major_matter` integer NOT NULL,
	`attribute` text NOT NULL,
	`attribute_reason` text DEFAULT '' NOT NULL,
	`legal_ground` text,
	`channels` text NOT NULL,
	`drafter_id` text NOT NULL,
	`policy_document_id` text,
	`department_id` text NOT NULL,
	`workflow_key` text NOT NULL,
	`workflow_version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`status` text NOT NULL,
	`current_step` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`index_number` text,
	`published_at` integer,
	`withdrawn_at` integer,
	`withdraw_reason` text,
	`validity` text DEFAULT 'in_force' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drafter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_index_number` ON `documents` (`index_number`);--> statement-breakpoint
CREATE INDEX `documents_drafter` ON `documents` (`drafter_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `documents_catalog` ON `documents` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `documents_catalog_category` ON `documents` (`status`,`category_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `index_sequences` (
	`prefix` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `privacy_justifications` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`note` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `privacy_justifications_text` ON `privacy_justifications` (`document_id`,`text`);--> statement-breakpoint
CREATE TABLE `redactions` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`ground` text NOT NULL,
	`reason` text NOT NULL,
	`confirmed_by` text,
	`confirmed_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `redactions_document` ON `redactions` (`document_id`);--> statement-breakpoint
CREATE TABLE `validity_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`proposed_validity` text NOT NULL,
	`reason` text NOT NULL,
	`proposer_id` text NOT NULL,
	`state` text NOT NULL,
	`decider_id` text,
	`opinion` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decider_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `validity_changes_document` ON `validity_changes` (`document_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `validity_changes_pending` ON `validity_changes` (`state`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
CREATE INDEX `audit_document` ON `audit_log` (`document_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `audit_prev_hash` ON `audit_log` (`prev_hash`);--> statement-breakpoint
CREATE TABLE `review_records` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`task_id` text,
	`round` integer NOT NULL,
	`step` text NOT NULL,
	`user_id` text NOT NULL,
	`decision` text NOT NULL,
	`opinion` text DEFAULT '' NOT NULL,
	`checks` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_records_document` ON `review_records` (`document_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`step` text NOT NULL,
	`seat_id` text NOT NULL,
	`role` text NOT NULL,
	`assignee_id` text,
	`round` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`due_date` text,
	`due_provisional` integer DEFAULT false NOT NULL,
	`completed_by` text,
	`completed_at` integer,
	`outcome` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_open_role` ON `tasks` (`status`,`role`,`created_at`);--> statement-breakpoint
CREATE INDEX `tasks_open_due` ON `tasks` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `tasks_open_assignee` ON `tasks` (`status`,`assignee_id`);--> statement-breakpoint
CREATE INDEX `tasks_document` ON `tasks` (`document_id`);--> statement-breakpoint
CREATE TABLE `calendar_known_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `calendar_overrides` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`document_id` text,
	`message` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`task_id` text NOT NULL,
	`kind` text NOT NULL,
	`fired_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_task_kind` ON `reminders` (`task_id`,`kind`);