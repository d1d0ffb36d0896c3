import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { categories } from './categories';

/**
 * How many public documents (published, open or partial) each category holds, kept by triggers
 * on documents (migration catalog_counts_triggers) in the same transaction as every write, so
 * the public catalog's category counts are one small read instead of a count over every
 * public document on each page view. Derived data: no audit rows.
 */
export const catalogCounts = sqliteTable('catalog_counts', {
  categoryId: text('category_id').primaryKey().references(() => categories.id),
  count: integer('count').notNull().default(0),
});
