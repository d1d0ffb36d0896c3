import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * A counter per table, bumped by triggers (migration table_changes_triggers) in the same
 * transaction as every insert, update or delete of that table, in any process. A reader that
 * derives something costly from a whole table (the deadline board's request deadlines) keeps
 * its result while the counter stands still, so a view reads one row instead of every open
 * request. Derived data: no audit rows.
 */
export const tableChanges = sqliteTable('table_changes', {
  tableName: text('table_name').primaryKey(),
  changes: integer('changes').notNull().default(0),
});
