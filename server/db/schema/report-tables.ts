import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';

/**
 * The tables of an annual report as they went into release review: the grids (rows of cells
 * with spans, as report-grid.ts lays them out) taken when the report is submitted, the same
 * moment its body text and .docx/.xlsx are made. The public page draws real tables from
 * this snapshot, so what the public reads is what was reviewed, never a recomputation from
 * records that changed after publication.
 */
export const reportTableSnapshots = sqliteTable('report_table_snapshots', {
  documentId: text('document_id').primaryKey().references(() => documents.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  templateKey: text('template_key').notNull(),
  /** `{ caption, grid }[]` in Chinese, in report order. */
  tables: text('tables', { mode: 'json' }).$type<{ caption: string; grid: unknown }[]>().notNull(),
  createdAt: integer('created_at').notNull(),
});
