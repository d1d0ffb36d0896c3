DROP INDEX `tasks_done_completed`;--> statement-breakpoint
CREATE INDEX `tasks_done_step` ON `tasks` (`step`,`completed_at`,`created_at`,`department_id`) WHERE "tasks"."status" = 'done';