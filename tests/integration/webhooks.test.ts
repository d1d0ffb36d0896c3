/**
 * Webhooks against a real local HTTP receiver: signed payloads, retries with backoff after
 * the receiver fails, at-least-once delivery across a server restart (the outbox is in the
 * database), nothing announced for a change that did not commit, admin retry and log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/test-server';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { failure } from '../support/api-client';
import { actOnCurrentStep, driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput, partialOverrides, SECRET_PASSAGE } from '../support/draft-input';
import { deliverDueWebhooks } from '../../server/services/webhook-service';
import { verifyWebhookSignature } from '../../server/webhooks/webhook-signature';
import { webhookOutbox } from '../../server/db/schema/index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-webhooks-'));
let clock = Date.parse('2026-11-24T02:00:00Z');
let server: TestServer;
let clients: Clients;
let receiver: WebhookReceiver;
let secret: string;
let endpointId: string;

async function publishOne(title: string, overrides = {}) {
  const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title, ...overrides }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  await driveThroughReview(clients, created.id);
  return clients.drafter!.trpc.documents.get.query({ id: created.id });
}

const outboxRows = () => server.services.database.db.select().from(webhookOutbox);

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  server = await startTestServer({ dir, now: () => clock });
  clients = await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  const created = await clients.admin!.trpc.webhooks.create.mutate({ name: '门户网站', url: receiver.url, events: ['document.published', 'document.withdrawn'] });
  secret = created.secret;
  endpointId = created.id;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await receiver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('webhooks', () => {
  it('announces a publication with a signed JSON payload of public facts only', async () => {
    const doc = await publishOne('关于公布低保对象名单的公告', partialOverrides());
    const result = await deliverDueWebhooks(server.services);
    expect(result).toEqual({ delivered: 1, failed: 0 });
    const [hit] = receiver.received.splice(0);
    expect(hit!.headers['x-shenfa-event']).toBe('document.published');
    expect(verifyWebhookSignature(secret, hit!.headers['x-shenfa-timestamp'] as string, hit!.headers['x-shenfa-signature'] as string, hit!.body, Date.now() / 1000)).toBe(true);
    expect(verifyWebhookSignature('wrong-secret', hit!.headers['x-shenfa-timestamp'] as string, hit!.headers['x-shenfa-signature'] as string, hit!.body, Date.now() / 1000)).toBe(false);
    const payload = JSON.parse(hit!.body);
    expect(payload).toMatchObject({ event: 'document.published', documentId: doc.id, document: { indexNumber: doc.indexNumber, title: doc.title, attribute: 'partial', status: 'published', category: 'notice' } });
    expect(payload.id).toBe(hit!.headers['x-shenfa-delivery']);
    expect(hit!.body).not.toContain(SECRET_PASSAGE);
    expect(hit!.body).not.toContain('城市低保标准');
    // Nothing more to send.
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 0, failed: 0 });
  });

  it('retries with growing delays while the receiver fails, with the same idempotency key', async () => {
    receiver.script.push(500, 503);
    await publishOne('关于调整临时救助标准的通知');
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 0, failed: 1 });
    // Not due again until the backoff (30 s) has passed.
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 0, failed: 0 });
    clock += 31_000;
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 0, failed: 1 });
    clock += 31_000;
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 0, failed: 0 });
    clock += 30_000;
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 1, failed: 0 });
    const hits = receiver.received.splice(0);
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => JSON.parse(h.body).id)).size).toBe(1);
    const log = await clients.admin!.trpc.webhooks.deliveries.query({ endpointId });
    const entry = log.find((l) => l.id === JSON.parse(hits[0]!.body).id)!;
    expect(entry).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
  });

  it('keeps undelivered events across a restart and delivers them afterwards (at least once)', async () => {
    receiver.script.push(502);
    const doc = await publishOne('关于开展养老机构安全检查的通知');
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 0, failed: 1 });
    await server.close();
    server = await startTestServer({ dir, seed: false, now: () => clock });
    clock += 60_000;
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 1, failed: 0 });
    const hits = receiver.received.splice(0);
    expect(hits.map((h) => JSON.parse(h.body).document.indexNumber)).toEqual([doc.indexNumber, doc.indexNumber]);
    clients = await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  }, 60_000);

  it('announces nothing for a publication that did not commit, and a withdrawal when it does', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '撤稿推送测试' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    for (let i = 0; i < 8; i++) {
      const doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
      if (doc.currentStep.id === 'publication') break;
      await actOnCurrentStep(clients, created.id);
    }
    const before = (await outboxRows()).length;
    const doc = await clients.publisher!.trpc.documents.get.query({ id: created.id });
    const stale = await failure(clients.publisher!.trpc.publication.publish.mutate({ documentId: created.id, expectedVersion: doc.version - 1, taskId: doc.openTask!.id }));
    expect(stale.code).toBe('CONFLICT');
    expect((await outboxRows()).length).toBe(before);
    await actOnCurrentStep(clients, created.id);
    const published = await clients.publisher!.trpc.documents.get.query({ id: created.id });
    await clients.publisher!.trpc.publication.withdraw.mutate({ documentId: created.id, expectedVersion: published.version, reason: '内容已调整，撤回原稿' });
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 2, failed: 0 });
    const events = receiver.received.splice(0).map((h) => JSON.parse(h.body));
    expect(events.map((e) => e.event)).toEqual(['document.published', 'document.withdrawn']);
    expect(events[1].document.status).toBe('withdrawn');
  });

  it('gives up after the last attempt, and an admin can send it again', async () => {
    await clients.admin!.trpc.webhooks.setActive.mutate({ id: endpointId, active: true });
    receiver.script.push(...Array(20).fill(500));
    await publishOne('关于公布年度救助资金安排的通知');
    for (let i = 0; i < 20; i++) {
      await deliverDueWebhooks(server.services);
      clock += 6 * 60 * 60 * 1000;
    }
    // Five days passed: the sessions idled out.
    clients = await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
    const [failed] = await clients.admin!.trpc.webhooks.deliveries.query({ status: 'failed' });
    expect(failed).toMatchObject({ attempts: 15, lastError: 'HTTP 500' });
    receiver.script.splice(0);
    receiver.received.splice(0);
    await clients.admin!.trpc.webhooks.retry.mutate({ id: failed!.id });
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 1, failed: 0 });
    expect((await failure(clients.admin!.trpc.webhooks.retry.mutate({ id: failed!.id }))).message).toBe('该推送已送达，无需重试');
    const [row] = await server.services.database.db.select().from(webhookOutbox).where(eq(webhookOutbox.id, failed!.id));
    expect(row!.status).toBe('delivered');
  }, 60_000);

  it('sends nothing to a disabled receiver and never shows the secret again', async () => {
    await clients.admin!.trpc.webhooks.setActive.mutate({ id: endpointId, active: false });
    const before = (await outboxRows()).length;
    await publishOne('停用接收方后的通知');
    expect((await outboxRows()).length).toBe(before);
    const list = await clients.admin!.trpc.webhooks.list.query();
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(list[0]).toMatchObject({ active: false, pending: 0 });
  });

  it('refuses a receiver address that is not http(s) with a clear message', async () => {
    const bad = await failure(clients.admin!.trpc.webhooks.create.mutate({ name: '错误', url: 'ftp://example.com/x', events: ['document.published'] }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/http/);
  });
});
