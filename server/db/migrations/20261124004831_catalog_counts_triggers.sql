-- catalog_counts follows every change of a document's public standing (published and open or
-- partial, the catalog's own rule) in the same transaction as the change itself.
CREATE TRIGGER `catalog_counts_document_insert` AFTER INSERT ON `documents`
WHEN NEW.`status` = 'published' AND NEW.`attribute` IN ('open', 'partial')
BEGIN
  INSERT INTO `catalog_counts` (`category_id`, `count`) VALUES (NEW.`category_id`, 1)
    ON CONFLICT (`category_id`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `catalog_counts_document_update` AFTER UPDATE OF `status`, `attribute`, `category_id` ON `documents`
WHEN (OLD.`status` = 'published' AND OLD.`attribute` IN ('open', 'partial')) OR (NEW.`status` = 'published' AND NEW.`attribute` IN ('open', 'partial'))
BEGIN
  UPDATE `catalog_counts` SET `count` = `count` - 1
    WHERE `category_id` = OLD.`category_id` AND OLD.`status` = 'published' AND OLD.`attribute` IN ('open', 'partial');
  INSERT INTO `catalog_counts` (`category_id`, `count`)
    SELECT NEW.`category_id`, 1 WHERE NEW.`status` = 'published' AND NEW.`attribute` IN ('open', 'partial')
    ON CONFLICT (`category_id`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `catalog_counts_document_delete` AFTER DELETE ON `documents`
WHEN OLD.`status` = 'published' AND OLD.`attribute` IN ('open', 'partial')
BEGIN
  UPDATE `catalog_counts` SET `count` = `count` - 1 WHERE `category_id` = OLD.`category_id`;
END;
--> statement-breakpoint
INSERT INTO `catalog_counts` (`category_id`, `count`)
  SELECT `category_id`, count(*) FROM `documents` WHERE `status` = 'published' AND `attribute` IN ('open', 'partial') GROUP BY `category_id`;
