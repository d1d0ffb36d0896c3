-- table_changes counts every insert, update and delete of info_requests in the same transaction
-- as the change, whichever process writes it: the deadline board keeps the open requests'
-- deadlines it derived while this number stands still (request-query-service.ts).
INSERT INTO `table_changes` (`table_name`, `changes`) VALUES ('info_requests', 0) ON CONFLICT (`table_name`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `table_changes_info_requests_insert` AFTER INSERT ON `info_requests`
BEGIN
  UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `table_name` = 'info_requests';
END;
--> statement-breakpoint
CREATE TRIGGER `table_changes_info_requests_update` AFTER UPDATE ON `info_requests`
BEGIN
  UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `table_name` = 'info_requests';
END;
--> statement-breakpoint
CREATE TRIGGER `table_changes_info_requests_delete` AFTER DELETE ON `info_requests`
BEGIN
  UPDATE `table_changes` SET `changes` = `changes` + 1 WHERE `table_name` = 'info_requests';
END;
