import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';
import { users } from './organisation';

/**
 * Proof that a published document was also put out through an offline channel (公告栏,
 * 广播电视, 报刊): a photo or scan, the channel and the date it went out. Kept with the
 * document for the year-end inspection; the file lies in the attachment store under a
 * generated name, like attachments.
 */
export const channelProofs = sqliteTable(
  'channel_proofs',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    /** The day it was posted / broadcast / printed, YYYY-MM-DD (China Standard Time). */
    publishedOn: text('published_on').notNull(),
    note: text('note').notNull().default(''),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('channel_proofs_document').on(t.documentId), index('channel_proofs_day').on(t.publishedOn)],
);
