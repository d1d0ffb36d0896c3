-- document_clocks.running follows the document's status: 1 while it is one whose statutory clock
-- still matters (CLOCK_RUNNING_STATUSES in server/services/deadline-service.ts: draft, returned,
-- in_review, awaiting_publication), 0 once the document is public or ended. Set in the same
-- transaction as the status change and whenever a clock row is written.
CREATE TRIGGER `document_clocks_running_status` AFTER UPDATE OF `status` ON `documents`
WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
  UPDATE `document_clocks` SET `running` = (NEW.`status` IN ('draft', 'returned', 'in_review', 'awaiting_publication'))
    WHERE `document_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `document_clocks_running_insert` AFTER INSERT ON `document_clocks`
BEGIN
  UPDATE `document_clocks` SET `running` = coalesce((SELECT `status` IN ('draft', 'returned', 'in_review', 'awaiting_publication') FROM `documents` WHERE `id` = NEW.`document_id`), 0)
    WHERE `document_id` = NEW.`document_id`;
END;
--> statement-breakpoint
UPDATE `document_clocks` SET `running` = coalesce((SELECT `status` IN ('draft', 'returned', 'in_review', 'awaiting_publication') FROM `documents` WHERE `documents`.`id` = `document_clocks`.`document_id`), 0);
