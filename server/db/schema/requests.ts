import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';
import { documents } from './documents';

/**
 * Information requests (依申请公开) and what hangs off them.
 *
 * FOR THE ANNUAL REPORT (read these, nothing else is needed):
 * - `info_requests.received_at`  'YYYY-MM-DD' (CST) the day the request was received. After a
 *   correction (补正) it stays the ORIGINAL receipt day; the restart is in request_events
 *   ('request.corrected'). A request is "new this year" when received_at falls in the year.
 * - `info_requests.closed_at`    'YYYY-MM-DD' (CST) the day handling ended, or NULL while open.
 *   Set for every ending: reply sent, no correction in time, fee not paid in time. A request is
 *   "carried over to next year" when closed_at is NULL or later than 31 December.
 * - `info_requests.replied_at`   'YYYY-MM-DD' the day the reply letter was sent; NULL when the
 *   request ended without a letter (abandoned: result 'other').
 * - `info_requests.result` / `sub_reason`  REPLY_RESULTS / sub-reasons of
 *   workflows/requests/request-vocabulary.ts; set exactly when closed_at is set. Withheld
 *   requests carry the legal ground (forms/disclosure LEGAL_GROUNDS) as sub_reason.
 * - `info_requests.applicant_type` APPLICANT_TYPES (the report's columns).
 * - `request_appeals` one row per reconsideration/litigation: kind (APPEAL_KINDS), outcome
 *   (APPEAL_OUTCOMES; 'pending' until decided), filed_on, decided_on ('YYYY-MM-DD').
 * - `info_requests.fee_amount_fen` the processing fee charged, in fen (分), when fee_paid_on is set.
 */
export const infoRequests = sqliteTable(
  'info_requests',
  {
    id: text('id').primaryKey(),
    /** QY-2026-0012: the number the applicant quotes. */
    requestNo: text('request_no').notNull(),
    /** The machine's state (registered, awaiting_correction, accepted, …, closed). */
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    applicantType: text('applicant_type').notNull(),
    /** A natural person's name, or the organisation's contact person. */
    applicantName: text('applicant_name').notNull(),
    /** Resident ID number, or the organisation's unified social credit code. */
    applicantIdNumber: text('applicant_id_number').notNull().default(''),
    /** The organisation's name; '' for a natural person. */
    organisationName: text('organisation_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    description: text('description').notNull(),
    purpose: text('purpose').notNull().default(''),
    deliveryForm: text('delivery_form').notNull(),
    receivedAt: text('received_at').notNull(),
    /** SHA-256 of the secret code shown once to the applicant. */
    secretCodeHash: text('secret_code_hash').notNull(),
    /** The signed form token's nonce for online requests: a replayed form is refused by this index. */
    formNonce: text('form_nonce'),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    /** Bumped by exactly one on every write (trigger), like documents.version. */
    version: integer('version').notNull().default(1),
    result: text('result'),
    subReason: text('sub_reason'),
    repliedAt: text('replied_at'),
    closedAt: text('closed_at'),
    feeBasis: text('fee_basis'),
    feeAmountFen: integer('fee_amount_fen'),
    feeNotifiedOn: text('fee_notified_on'),
    feePaidOn: text('fee_paid_on'),
    registeredBy: text('registered_by').references(() => users.id),
    /**
     * The request-flow definition (workflow_definitions key + version) the request started on
     * and stays on; requests registered before flows were versioned are on version 1.
     */
    workflowKey: text('workflow_key').notNull().default('info-request'),
    workflowVersion: integer('workflow_version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('info_requests_no').on(t.requestNo),
    uniqueIndex('info_requests_form_nonce').on(t.formNonce),
    index('info_requests_status').on(t.status, t.receivedAt),
    index('info_requests_received').on(t.receivedAt),
    index('info_requests_closed').on(t.closedAt),
    // The open requests' ids and versions without reading their rows: the deadline board checks
    // which of its remembered request deadlines changed (request-query-service.ts).
    index('info_requests_open_version').on(t.id, t.version).where(sql`${t.closedAt} IS NULL`),
  ],
);

/** Last sequence number used for request numbers, per year of receipt. */
export const requestNumberSequences = sqliteTable('request_number_sequences', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * What happened to a request on which day: the clock events of workflows/clocks
 * (request.received, request.corrected, consultation.started/ended, request.extended,
 * fee.notified) and the request's own (request.correction_notified, fee.paid, reply.sent, …).
 */
export const requestEvents = sqliteTable(
  'request_events',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull().references(() => infoRequests.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** 'YYYY-MM-DD' (CST) the day it happened (may be earlier than the day it was recorded). */
    date: text('date').notNull(),
    /** Working days granted, on request.extended. */
    days: integer('days'),
    note: text('note').notNull().default(''),
    actorId: text('actor_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('request_events_request').on(t.requestId, t.date)],
);

/** Reconsideration (行政复议) and litigation (行政诉讼) about a request's reply. */
export const requestAppeals = sqliteTable(
  'request_appeals',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull().references(() => infoRequests.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    outcome: text('outcome').notNull(),
    filedOn: text('filed_on').notNull(),
    decidedOn: text('decided_on'),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('request_appeals_request').on(t.requestId), index('request_appeals_filed').on(t.filedOn)],
);

/** Documents released to the applicant in answer to a request. */
export const requestDocuments = sqliteTable(
  'request_documents',
  {
    requestId: text('request_id').notNull().references(() => infoRequests.id, { onDelete: 'cascade' }),
    documentId: text('document_id').notNull().references(() => documents.id),
    linkedBy: text('linked_by').notNull().references(() => users.id),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.documentId] })],
);

/** The text of the reply letter (答复告知书) per result, with {{placeholders}}; admins edit it. */
export const replyLetterTemplates = sqliteTable('reply_letter_templates', {
  result: text('result').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: integer('updated_at').notNull(),
});

/** The reply letter of a request: drafted from a template, reviewed, then sent. */
export const replyLetters = sqliteTable('reply_letters', {
  requestId: text('request_id').primaryKey().references(() => infoRequests.id, { onDelete: 'cascade' }),
  result: text('result').notNull(),
  subReason: text('sub_reason'),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** draft | reviewed | sent */
  status: text('status').notNull(),
  draftedBy: text('drafted_by').notNull().references(() => users.id),
  reviewedBy: text('reviewed_by').references(() => users.id),
  reviewedAt: integer('reviewed_at'),
  sentOn: text('sent_on'),
  deliveryMethod: text('delivery_method'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Hits per key ('apply:<ip>', 'status:<ip>') in the current window of the public request
 * pages. In the database so the limit holds across server processes.
 */
export const publicRateLimits = sqliteTable('public_rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  hits: integer('hits').notNull(),
});
