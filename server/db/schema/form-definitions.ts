import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';

/**
 * Published versions of form definitions (forms/form-definition.ts). A row is immutable once
 * written (triggers refuse UPDATE and DELETE): a document stores the form key + version it
 * was filled with and is always validated and shown with exactly that version. Version 1 of
 * the shipped drafting form is seeded by migration.
 */
export const formDefinitions = sqliteTable(
  'form_definitions',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    /** The definition JSON as validated, its `version` field equal to the column. */
    definition: text('definition', { mode: 'json' }).notNull(),
    notes: text('notes').notNull().default(''),
    publishedAt: integer('published_at').notNull(),
    /** Null for the versions shipped with Shenfa. */
    publishedBy: text('published_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);
