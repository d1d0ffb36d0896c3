-- Every install needs the catalog category the annual report is published under
-- (政府信息公开年报); an admin may rename it later. Skipped when the code is taken.
INSERT OR IGNORE INTO `categories` (`id`, `code`, `name_zh`, `name_en`, `column`, `sort`, `requires_disclosure`, `clock_rule`, `report_cell`)
VALUES ('annual-report', 'annual-report', '政府信息公开年报', 'Annual reports on disclosure', '政府信息公开年报', 90, 1, NULL, NULL);
