ALTER TABLE `document_clocks` ADD `department_id` text;--> statement-breakpoint
CREATE INDEX `document_clocks_running_department_due` ON `document_clocks` (`department_id`,`due_date`) WHERE "document_clocks"."running" = 1;--> statement-breakpoint
ALTER TABLE `tasks` ADD `department_id` text;--> statement-breakpoint
CREATE INDEX `tasks_open_department_due` ON `tasks` (`department_id`,`due_date`) WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX `tasks_open_role_due` ON `tasks` (`role`,`due_date`) WHERE "tasks"."status" = 'open';