import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users, departments } from './organisation';
import { categories } from './categories';

/**
 * A document under release review. `snapshot` is the persisted workflow state; `version`
 * is bumped by exactly one on every write, enforced by a trigger, which is how a stale
 * write (someone else acted first) aborts its whole batch.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull().default(''),
    categoryId: text('category_id').notNull().references(() => categories.id),
    writtenAt: text('written_at').notNull(),
    body: text('body').notNull(),
    hasStatistics: integer('has_statistics', { mode: 'boolean' }).notNull(),
    isMajorMatter: integer('is_major_matter', { mode: 'boolean' }).notNull(),
    attribute: text('attribute').notNull(),
    attributeReason: text('attribute_reason').notNull().default(''),
    legalGround: text('legal_ground'),
    channels: text('channels', { mode: 'json' }).$type<string[]>().notNull(),
    drafterId: text('drafter_id').notNull().references(() => users.id),
    /** For a policy interpretation: the policy document it explains (同步审签、同步发布). */
    policyDocumentId: text('policy_document_id'),
    departmentId: text('department_id').notNull().references(() => departments.id),
    workflowKey: text('workflow_key').notNull(),
    workflowVersion: integer('workflow_version').notNull(),
    /** The drafting form version this document was filled with; it is always validated and shown with it. */
    formKey: text('form_key').notNull().default('draft_document'),
    formVersion: integer('form_version').notNull().default(1),
    /** Values of the fields an admin added to the form (not among the columns above), by field key. */
    extraFields: text('extra_fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    status: text('status').notNull(),
    currentStep: text('current_step').notNull(),
    version: integer('version').notNull().default(1),
    indexNumber: text('index_number'),
    publishedAt: integer('published_at'),
    withdrawnAt: integer('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    validity: text('validity').notNull().default('in_force'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('documents_index_number').on(t.indexNumber),
    index('documents_drafter').on(t.drafterId, t.updatedAt),
    // `attribute` last: the catalog's page query filters on it while walking the index in
    // published order, without reading each table row it skips (see listPublished).
    index('documents_catalog').on(t.status, t.publishedAt, t.attribute),
    index('documents_catalog_category').on(t.status, t.categoryId, t.publishedAt, t.attribute),
    // Everything the annual report reads of each catalog item, so it never reads document rows;
    // with the 科室, the dashboard's publications per month of one 科室 do not either (at 100k,
    // 140–180 ms of row reads for a year). It holds published documents only, so no review
    // step before publication writes to it.
    index('documents_report_items').on(t.categoryId, t.publishedAt, t.writtenAt, t.withdrawnAt, t.id, t.departmentId).where(sql`${t.publishedAt} IS NOT NULL`),
    // A policy's interpretations, read on every document view and every publication (only
    // interpretations have the column set, so the index stays small); without it both scan
    // every document (found by the soak: 42 ms per view at 13,700 documents).
    index('documents_policy_document').on(t.policyDocumentId).where(sql`${t.policyDocumentId} IS NOT NULL`),
    // The dashboard's documents in work created in a date range, per status: a range for each
    // (without it, every document in work: 0.9 s at a million documents), covering what it
    // counts them by (step, 科室), so no document's row is read: at a million documents a year
    // holds 135,000 documents in work, and reading their rows took 380 ms, or 12.7 s when the
    // file was not in the page cache. Its entry moves at every step, within its page: the
    // status and creation time before the step keep it there.
    index('documents_status_created').on(t.status, t.createdAt, t.currentStep, t.departmentId),
  ],
);

/** Ranges of the body removed before publication (删减), each with its reason. */
export const redactions = sqliteTable(
  'redactions',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    ground: text('ground').notNull(),
    reason: text('reason').notNull(),
    /** The secrecy reviewer who confirmed (or changed) this range, and when. */
    confirmedBy: text('confirmed_by').references(() => users.id),
    confirmedAt: integer('confirmed_at'),
  },
  (t) => [index('redactions_document').on(t.documentId)],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attachments_document').on(t.documentId)],
);

/** Last sequence number used per 索引号 prefix (agency code + year). */
export const indexSequences = sqliteTable('index_sequences', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * A personal-data hit the secrecy reviewer chose to keep, with the written reason
 * (e.g. a public official's office phone). Keyed by the exact text found.
 */
export const privacyJustifications = sqliteTable(
  'privacy_justifications',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    note: text('note').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('privacy_justifications_text').on(t.documentId, t.text)],
);

/**
 * The statutory clock of a document (e.g. 20 working days from formation to publication).
 * Kept apart from the document row so recomputing deadlines after a calendar change does not
 * touch document versions that reviewers hold.
 */
export const documentClocks = sqliteTable(
  'document_clocks',
  {
    documentId: text('document_id').primaryKey().references(() => documents.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    startedOn: text('started_on').notNull(),
    dueDate: text('due_date').notNull(),
    provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
    /**
     * The document's status is one whose clock still matters (CLOCK_RUNNING_STATUSES: not yet
     * public nor ended). Kept by triggers on documents and on this table (migration
     * document_clocks_running_triggers), so the deadline board walks only running clocks in
     * due order instead of stepping over every published document's finished one.
     */
    running: integer('running', { mode: 'boolean' }).notNull().default(true),
    /** The document's 科室, copied by triggers like tasks.department_id: a section member's board reads its section's running clocks in due order. */
    departmentId: text('department_id'),
  },
  (t) => [
    index('document_clocks_due').on(t.dueDate),
    index('document_clocks_running_due').on(t.dueDate).where(sql`${t.running} = 1`),
    index('document_clocks_running_department_due').on(t.departmentId, t.dueDate).where(sql`${t.running} = 1`),
  ],
);

/** A proposed change of a published document's validity (有效性), and its review. */
export const validityChanges = sqliteTable(
  'validity_changes',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    proposedValidity: text('proposed_validity').notNull(),
    reason: text('reason').notNull(),
    proposerId: text('proposer_id').notNull().references(() => users.id),
    state: text('state').notNull(), // pending | approved | rejected
    deciderId: text('decider_id').references(() => users.id),
    opinion: text('opinion').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    decidedAt: integer('decided_at'),
  },
  (t) => [index('validity_changes_document').on(t.documentId, t.createdAt), index('validity_changes_pending').on(t.state)],
);
