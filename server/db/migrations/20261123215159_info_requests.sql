CREATE TABLE `info_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`request_no` text NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`applicant_type` text NOT NULL,
	`applicant_name` text NOT NULL,
	`applicant_id_number` text DEFAULT '' NOT NULL,
	`organisation_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`delivery_form` text NOT NULL,
	`received_at` text NOT NULL,
	`secret_code_hash` text NOT NULL,
	`form_nonce` text,
	`snapshot` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`result` text,
	`sub_reason` text,
	`replied_at` text,
	`closed_at` text,
	`fee_basis` text,
	`fee_amount_fen` integer,
	`fee_notified_on` text,
	`fee_paid_on` text,
	`registered_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `info_requests_no` ON `info_requests` (`request_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `info_requests_form_nonce` ON `info_requests` (`form_nonce`);--> statement-breakpoint
CREATE INDEX `info_requests_status` ON `info_requests` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `info_requests_received` ON `info_requests` (`received_at`);--> statement-breakpoint
CREATE INDEX `info_requests_closed` ON `info_requests` (`closed_at`);--> statement-breakpoint
CREATE TABLE `public_rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reply_letter_templates` (
	`result` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reply_letters` (
	`request_id` text PRIMARY KEY NOT NULL,
	`result` text NOT NULL,
	`sub_reason` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`drafted_by` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` integer,
	`sent_on` text,
	`delivery_method` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `info_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`drafted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `request_appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`filed_on` text NOT NULL,
	`decided_on` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `info_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_appeals_request` ON `request_appeals` (`request_id`);--> statement-breakpoint
CREATE INDEX `request_appeals_filed` ON `request_appeals` (`filed_on`);--> statement-breakpoint
CREATE TABLE `request_documents` (
	`request_id` text NOT NULL,
	`document_id` text NOT NULL,
	`linked_by` text NOT NULL,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`request_id`, `document_id`),
	FOREIGN KEY (`request_id`) REFERENCES `info_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`name` text NOT NULL,
	`date` text NOT NULL,
	`days` integer,
	`note` text DEFAULT '' NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `info_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request` ON `request_events` (`request_id`,`date`);--> statement-breakpoint
CREATE TABLE `request_number_sequences` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
