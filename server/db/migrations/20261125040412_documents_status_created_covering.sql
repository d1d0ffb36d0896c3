DROP INDEX `documents_status_created`;--> statement-breakpoint
CREATE INDEX `documents_status_created` ON `documents` (`status`,`created_at`,`current_step`,`department_id`);