import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** Catalog categories (主题分类) with the column (栏目) they publish to. */
export const categories = sqliteTable('categories', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  column: text('column').notNull(),
  sort: integer('sort').notNull().default(0),
  /** The law requires this kind of information to be published (e.g. normative documents). */
  requiresDisclosure: integer('requires_disclosure', { mode: 'boolean' }).notNull().default(false),
  /** The statutory clock (a rule key from workflows/clocks) that documents of this category run on. */
  clockRule: text('clock_rule'),
  /**
   * The annual-report cell (server/report ARTICLE20_CELLS, e.g. 'normative_documents') that
   * this category's published items count toward; null = counted in no Article 20 cell.
   */
  reportCell: text('report_cell'),
  /** The drafting form (form_definitions.key) new documents of this category are filled with, at its latest version. */
  formKey: text('form_key').notNull().default('draft_document'),
});
