import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';

/**
 * Published versions of workflow definitions. A row is immutable once written (triggers
 * refuse UPDATE and DELETE): documents are pinned to key + version and must never see their
 * flow change under them. Version 1 of the shipped release-review flow is seeded by migration.
 */
export const workflowDefinitions = sqliteTable(
  'workflow_definitions',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    /** The definition JSON as validated, its `version` field equal to the column. */
    definition: text('definition', { mode: 'json' }).notNull(),
    status: text('status').notNull().default('published'),
    notes: text('notes').notNull().default(''),
    publishedAt: integer('published_at').notNull(),
    /** Null for the versions shipped with Shenfa. */
    publishedBy: text('published_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);
