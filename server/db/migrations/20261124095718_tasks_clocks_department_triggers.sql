-- tasks.department_id and document_clocks.department_id follow the document's 科室: set when a
-- task or clock row is inserted and whenever the document's department changes, in the same
-- transaction. The deadline board reads a section's open tasks and running clocks through
-- them (tasks_open_department_due, document_clocks_running_department_due) in due order.
CREATE TRIGGER `tasks_department_insert` AFTER INSERT ON `tasks`
WHEN NEW.`department_id` IS NOT (SELECT `department_id` FROM `documents` WHERE `id` = NEW.`document_id`)
BEGIN
  UPDATE `tasks` SET `department_id` = (SELECT `department_id` FROM `documents` WHERE `id` = NEW.`document_id`) WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `document_clocks_department_insert` AFTER INSERT ON `document_clocks`
WHEN NEW.`department_id` IS NOT (SELECT `department_id` FROM `documents` WHERE `id` = NEW.`document_id`)
BEGIN
  UPDATE `document_clocks` SET `department_id` = (SELECT `department_id` FROM `documents` WHERE `id` = NEW.`document_id`) WHERE `document_id` = NEW.`document_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `documents_department_copies` AFTER UPDATE OF `department_id` ON `documents`
WHEN OLD.`department_id` IS NOT NEW.`department_id`
BEGIN
  UPDATE `tasks` SET `department_id` = NEW.`department_id` WHERE `document_id` = NEW.`id`;
  UPDATE `document_clocks` SET `department_id` = NEW.`department_id` WHERE `document_id` = NEW.`id`;
END;
--> statement-breakpoint
UPDATE `tasks` SET `department_id` = (SELECT `department_id` FROM `documents` WHERE `documents`.`id` = `tasks`.`document_id`);
--> statement-breakpoint
UPDATE `document_clocks` SET `department_id` = (SELECT `department_id` FROM `documents` WHERE `documents`.`id` = `document_clocks`.`document_id`);
