import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';

/** A receiver (e.g. the portal CMS) that is told when the catalog changes. */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  /**
   * Shared secret for the HMAC signature. Kept in clear because signing needs it; shown to
   * the admin once, at creation, and never sent to the client again.
   */
  secret: text('secret').notNull(),
  /** JSON array of event names this receiver wants. */
  events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /**
   * The publication channel this receiver serves: a document's events reach it only when the
   * document lists that channel (the portal, or a webhook channel an admin added).
   */
  channel: text('channel').notNull().default('portal'),
  createdBy: text('created_by').references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

/**
 * The durable outbox: one row per (event, receiver), written in the same transaction as the
 * change it announces, so an event is never lost and never sent for a change that rolled
 * back. The row id is the idempotency key receivers use to drop repeats (delivery is at
 * least once).
 */
export const webhookOutbox = sqliteTable(
  'webhook_outbox',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    documentId: text('document_id'),
    /** The announced facts as of the commit (JSON object). */
    payload: text('payload').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    status: text('status').notNull(), // pending | delivered | failed
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** A process that claimed the row owns it until then; another may take it afterwards. */
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('webhook_outbox_due').on(t.status, t.nextAttemptAt), index('webhook_outbox_endpoint').on(t.endpointId, t.occurredAt)],
);

/** Every attempt, for the admins' delivery log. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    outboxId: text('outbox_id').notNull().references(() => webhookOutbox.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: integer('at').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_deliveries_outbox').on(t.outboxId, t.attempt)],
);
