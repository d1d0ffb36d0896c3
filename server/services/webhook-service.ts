import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints, webhookOutbox } from '../db/schema/index';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  MAX_WEBHOOK_ATTEMPTS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  retryDelayMs,
  webhookSignature,
} from '../webhooks/webhook-signature';
import { commitChange } from './commit';
import { loadChannels } from '../channels/load-channels';
import { badRequest, notFound } from './errors';
import type { WebhookEvent } from '../webhooks/webhook-events';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** How long a claimed delivery belongs to the process that claimed it. */
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const BATCH = 20;

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ status: number }>;

/** The JSON a receiver gets. `id` is the idempotency key: the same for every retry of one delivery. */
export function webhookBody(row: { id: string; event: string; occurredAt: number; documentId: string | null; payload: string }): string {
  return JSON.stringify({ id: row.id, event: row.event, occurredAt: new Date(row.occurredAt).toISOString(), documentId: row.documentId, document: JSON.parse(row.payload) });
}

/**
 * Sends the deliveries that are due. Each row is claimed with a lease in one UPDATE, so
 * several server processes may run this at once without sending a row twice at the same
 * time; a process that dies mid-send leaves the lease to expire and the row is sent again
 * later (at least once).
 */
export async function deliverDueWebhooks(ctx: ServiceContext, fetchImpl: FetchLike = fetch): Promise<{ delivered: number; failed: number }> {
  const { db } = ctx.database;
  const now = ctx.now();
  const due = await db
    .select({ id: webhookOutbox.id })
    .from(webhookOutbox)
    .where(and(eq(webhookOutbox.status, 'pending'), lte(webhookOutbox.nextAttemptAt, now), or(isNull(webhookOutbox.leaseUntil), lte(webhookOutbox.leaseUntil, now))))
    .orderBy(webhookOutbox.nextAttemptAt)
    .limit(BATCH);
  let delivered = 0;
  let failed = 0;
  for (const { id } of due) {
    const claim = await db
      .update(webhookOutbox)
      .set({ leaseUntil: now + LEASE_MS })
      .where(and(eq(webhookOutbox.id, id), eq(webhookOutbox.status, 'pending'), or(isNull(webhookOutbox.leaseUntil), lte(webhookOutbox.leaseUntil, now))));
    if (claim.rowsAffected !== 1) continue;
    const [row] = await db
      .select({ outbox: webhookOutbox, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
      .from(webhookOutbox)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookOutbox.endpointId))
      .where(eq(webhookOutbox.id, id));
    if (!row) continue;
    const ok = await attempt(ctx, row.outbox, row.url, row.secret, fetchImpl);
    if (ok) delivered++;
    else failed++;
  }
  return { delivered, failed };
}

async function attempt(ctx: ServiceContext, outbox: typeof webhookOutbox.$inferSelect, url: string, secret: string, fetchImpl: FetchLike): Promise<boolean> {
  const { db } = ctx.database;
  const body = webhookBody(outbox);
  const sentAt = ctx.now();
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Shenfa-Webhook/1',
        [EVENT_HEADER]: outbox.event,
        [DELIVERY_HEADER]: outbox.id,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    statusCode = response.status;
    if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 200) : 'unknown error';
  }
  const attempts = outbox.attempts + 1;
  const success = error === null;
  const gaveUp = !success && attempts >= MAX_WEBHOOK_ATTEMPTS;
  // Delivery bookkeeping, not a change of the catalog: written straight, not to the audit chain.
  await db.batch([
    db.insert(webhookDeliveries).values({ id: crypto.randomUUID(), outboxId: outbox.id, attempt: attempts, at: sentAt, statusCode, error, durationMs: Math.round(performance.now() - started) }),
    db
      .update(webhookOutbox)
      .set({
        attempts,
        leaseUntil: null,
        lastError: error,
        status: success ? 'delivered' : gaveUp ? 'failed' : 'pending',
        deliveredAt: success ? sentAt : null,
        nextAttemptAt: success || gaveUp ? outbox.nextAttemptAt : sentAt + retryDelayMs(attempts),
      })
      .where(eq(webhookOutbox.id, outbox.id)),
  ]);
  return success;
}

// ---------------------------------------------------------------------------------------------
// Admin: receivers and the delivery log
// ---------------------------------------------------------------------------------------------

export async function listWebhookEndpoints(ctx: ServiceContext) {
  const { db } = ctx.database;
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      name: webhookEndpoints.name,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      active: webhookEndpoints.active,
      channel: webhookEndpoints.channel,
      createdAt: webhookEndpoints.createdAt,
      pending: sql<number>`(SELECT count(*) FROM webhook_outbox o WHERE o.endpoint_id = webhook_endpoints.id AND o.status = 'pending')`,
      failed: sql<number>`(SELECT count(*) FROM webhook_outbox o WHERE o.endpoint_id = webhook_endpoints.id AND o.status = 'failed')`,
    })
    .from(webhookEndpoints)
    .orderBy(webhookEndpoints.createdAt);
  const channels = await loadChannels(db);
  return rows.map((r) => ({ ...r, channelLabel: channels.find((c) => c.key === r.channel)?.label ?? { zh: r.channel, en: r.channel } }));
}

/** A receiver's address, normalised; refuses anything but http(s) and addresses carrying credentials. */
export function checkReceiverUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('请填写以 http:// 或 https:// 开头的接收地址');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('接收地址须为 http 或 https 网址');
  if (url.username || url.password) throw badRequest('接收地址中不能包含用户名或密码');
  return url.toString();
}

/** A new receiver's signing secret: shown to the admin once, never sent to a client again. */
export const newWebhookSecret = () => randomBytes(32).toString('base64url');

/** Registers a receiver of the portal channel; the secret is returned this once and never again. */
export async function createWebhookEndpoint(ctx: ServiceContext, user: SessionUser, input: { name: string; url: string; events: WebhookEvent[] }) {
  const url = new URL(checkReceiverUrl(input.url));
  const id = crypto.randomUUID();
  const secret = newWebhookSecret();
  const now = ctx.now();
  const { db } = ctx.database;
  await commitChange(
    ctx,
    [db.insert(webhookEndpoints).values({ id, name: input.name, url: url.toString(), secret, events: input.events, active: true, createdBy: user.id, createdAt: now })],
    [{ at: now, actorId: user.id, action: 'webhook.create', detail: { endpointId: id, name: input.name, url: url.toString(), events: input.events } }],
  );
  return { id, secret };
}

export async function setWebhookEndpointActive(ctx: ServiceContext, user: SessionUser, input: { id: string; active: boolean }) {
  const { db } = ctx.database;
  const [row] = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id));
  if (!row) throw notFound('未找到该推送接收方');
  const now = ctx.now();
  await commitChange(
    ctx,
    [db.update(webhookEndpoints).set({ active: input.active }).where(eq(webhookEndpoints.id, input.id))],
    [{ at: now, actorId: user.id, action: input.active ? 'webhook.enable' : 'webhook.disable', detail: { endpointId: input.id } }],
  );
}

/** The newest deliveries with their latest attempt, optionally of one receiver or status. */
export async function listWebhookDeliveries(ctx: ServiceContext, input: { endpointId?: string; status?: 'pending' | 'delivered' | 'failed'; limit: number }) {
  const { db } = ctx.database;
  const where = and(input.endpointId ? eq(webhookOutbox.endpointId, input.endpointId) : undefined, input.status ? eq(webhookOutbox.status, input.status) : undefined);
  return db
    .select({
      id: webhookOutbox.id,
      endpointName: webhookEndpoints.name,
      event: webhookOutbox.event,
      title: sql<string>`json_extract(${webhookOutbox.payload}, '$.title')`,
      indexNumber: sql<string | null>`json_extract(${webhookOutbox.payload}, '$.indexNumber')`,
      occurredAt: webhookOutbox.occurredAt,
      status: webhookOutbox.status,
      attempts: webhookOutbox.attempts,
      nextAttemptAt: webhookOutbox.nextAttemptAt,
      lastError: webhookOutbox.lastError,
      deliveredAt: webhookOutbox.deliveredAt,
    })
    .from(webhookOutbox)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookOutbox.endpointId))
    .where(where)
    .orderBy(desc(webhookOutbox.occurredAt))
    .limit(input.limit);
}

/** An admin sends a failed (or waiting) delivery again now. */
export async function retryWebhookDelivery(ctx: ServiceContext, user: SessionUser, outboxId: string) {
  const { db } = ctx.database;
  const [row] = await db.select({ status: webhookOutbox.status }).from(webhookOutbox).where(eq(webhookOutbox.id, outboxId));
  if (!row) throw notFound('未找到该推送记录');
  if (row.status === 'delivered') throw badRequest('该推送已送达，无需重试');
  const now = ctx.now();
  await commitChange(
    ctx,
    [db.update(webhookOutbox).set({ status: 'pending', nextAttemptAt: now, leaseUntil: null }).where(eq(webhookOutbox.id, outboxId))],
    [{ at: now, actorId: user.id, action: 'webhook.retry', detail: { outboxId } }],
  );
}
