import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';

/**
 * The admins' settings of the publication channels (发布渠道), layered over the code registry
 * (server/channels/channel-registry.ts). A channel that has code (built-in or a plugin's) needs
 * no row: a row of kind `code` only renames, reorders or disables it, and a null label, effect
 * or order means "as the code says". A row of kind `offline` or `webhook` is a channel an admin
 * added without code, and the row defines it. Rows are never deleted, so a key is never reused
 * (documents keep the keys they were published with).
 */
export const channelSettings = sqliteTable('channel_settings', {
  key: text('key').primaryKey(),
  /** code | offline | webhook */
  kind: text('kind').notNull(),
  labelZh: text('label_zh'),
  labelEn: text('label_en'),
  /** What publishing to it does, for the staff (one sentence per language). */
  effectZh: text('effect_zh'),
  effectEn: text('effect_en'),
  /** A disabled channel is not offered on new drafts; documents already listing it keep it. */
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Position in every list of channels (ascending); null: the code registry's position. */
  sortOrder: integer('sort_order'),
  createdBy: text('created_by').references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
