DROP INDEX `tasks_open_role`;--> statement-breakpoint
DROP INDEX `tasks_open_due`;--> statement-breakpoint
DROP INDEX `tasks_open_assignee`;--> statement-breakpoint
CREATE INDEX `tasks_open_role_created` ON `tasks` (`role`,`created_at`) WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX `tasks_open_due_date` ON `tasks` (`due_date`) WHERE "tasks"."status" = 'open';