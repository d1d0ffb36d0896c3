import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';
import { documents } from './documents';

/**
 * Files uploaded for a form's `file` field. Uploaded before the form is saved (a new document
 * has no id yet), they belong to their uploader until a saved form claims them for a document
 * (`documentId`, `fieldKey`); from then on whoever may view the document may download them.
 * Kept apart from `attachments`, which are the document's published annexes: a form file is
 * an internal record and never reaches the portal.
 */
export const formFiles = sqliteTable(
  'form_files',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    fieldKey: text('field_key'),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('form_files_document').on(t.documentId)],
);
