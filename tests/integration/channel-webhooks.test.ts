/**
 * Webhook delivery follows a document's channels, against real local HTTP receivers: the
 * portal's receiver hears only of documents listing the portal (it used to hear of every
 * published item), and a webhook channel an admin adds for another portal gets the documents
 * listing it through the same outbox (signed, retried), even after it is disabled for new drafts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { deliverDueWebhooks } from '../../server/services/webhook-service';
import { verifyWebhookSignature } from '../../server/webhooks/webhook-signature';
import { auditLog, webhookOutbox } from '../../server/db/schema/index';
import { eq } from 'drizzle-orm';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-channel-webhooks-'));
let server: TestServer;
let clients: Clients;
let portal: WebhookReceiver;
let city: WebhookReceiver;
let cityKey: string;
let citySecret: string;
let notice: string;

async function draft(title: string, channels: string[]) {
  return clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title, channels: channels as never }));
}
async function publish(created: { id: string; version: number }) {
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  await driveThroughReview(clients, created.id);
}

beforeAll(async () => {
  [portal, city] = await Promise.all([startWebhookReceiver('/hooks'), startWebhookReceiver('/hooks')]);
  server = await startTestServer({ dir });
  clients = await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  notice = await categoryId(clients.drafter!, 'notice');
  await clients.admin!.trpc.webhooks.create.mutate({ name: '门户网站', url: portal.url, events: ['document.published', 'document.withdrawn'] });
  const added = await clients.admin!.trpc.channels.addWebhook.mutate({ label: { zh: '清远市政府门户', en: 'Qingyuan city portal' }, effect: { zh: '', en: '' }, url: city.url });
  cityKey = added.key;
  citySecret = added.secret;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await Promise.all([portal?.close(), city?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('webhooks follow the document channels', () => {
  it('adds a webhook channel: offered to drafters, its receiver listed without the secret, audited', async () => {
    expect(cityKey).toBe('qingyuan_city_portal');
    const form = await clients.drafter!.trpc.forms.forDrafting.query({ categoryId: notice });
    expect(form.fields.find((f) => f.key === 'channels')!.options!.map((o) => o.value)).toContain(cityKey);
    const settings = await clients.admin!.trpc.channels.settings.query();
    const channel = settings.find((c) => c.key === cityKey)!;
    expect(channel).toMatchObject({ kind: 'webhook', mode: 'online', receivers: [{ url: city.url, active: true, pending: 0, failed: 0 }] });
    expect(channel.effect.zh).toContain('Webhook');
    expect(JSON.stringify(settings)).not.toContain(citySecret);
    const endpoints = await clients.admin!.trpc.webhooks.list.query();
    expect(endpoints.map((e) => [e.name, e.channel])).toEqual([['门户网站', 'portal'], ['清远市政府门户', cityKey]]);
    const [audit] = await server.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'channel.add'));
    expect(JSON.stringify(audit!.detail)).not.toContain(citySecret);
  });

  it('sends nothing for a published document that lists neither portal', async () => {
    await publish(await draft('仅在微信公众号发布的通知', ['wechat']));
    expect(await server.services.database.db.select().from(webhookOutbox)).toEqual([]);
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 0, failed: 0 });
  });

  it('delivers to each receiver whose channel the document lists, signed with that receiver’s secret', async () => {
    await publish(await draft('同时推送两个门户的通知', ['portal', cityKey]));
    await publish(await draft('只推送本局门户的通知', ['portal']));
    await publish(await draft('只推送市政府门户的通知', [cityKey, 'notice_board']));
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 4, failed: 0 });
    expect(portal.titles().sort()).toEqual(['只推送本局门户的通知', '同时推送两个门户的通知'].sort());
    const hits = city.received.slice();
    expect(city.titles().sort()).toEqual(['只推送市政府门户的通知', '同时推送两个门户的通知'].sort());
    for (const hit of hits) {
      expect(verifyWebhookSignature(citySecret, hit.headers['x-shenfa-timestamp'] as string, hit.headers['x-shenfa-signature'] as string, hit.body, Date.now() / 1000)).toBe(true);
    }
  });

  it('still delivers a document listing the webhook channel after it is disabled, and the rename reaches the delivery log', async () => {
    const listed = await draft('停用前起草、推送市政府门户的通知', [cityKey]);
    await clients.admin!.trpc.channels.setEnabled.mutate({ key: cityKey, enabled: false });
    await clients.admin!.trpc.channels.update.mutate({ key: cityKey, label: { zh: '市政府门户网站', en: 'City portal' }, effect: { zh: '', en: '' } });
    await publish(listed);
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 1, failed: 0 });
    expect(city.titles()).toEqual(['停用前起草、推送市政府门户的通知']);
    expect(portal.received).toEqual([]);
    const [latest] = await clients.admin!.trpc.webhooks.deliveries.query({});
    expect(latest).toMatchObject({ endpointName: '市政府门户网站', status: 'delivered' });
  });

  it('moves a webhook channel to a new receiver address (same secret), audited; only webhook channels have one', async () => {
    const moved = await startWebhookReceiver('/hooks');
    try {
      await clients.admin!.trpc.channels.setEnabled.mutate({ key: cityKey, enabled: true });
      await clients.admin!.trpc.channels.update.mutate({ key: cityKey, label: { zh: '市政府门户网站', en: 'City portal' }, effect: { zh: '', en: '' }, url: moved.url });
      expect((await clients.admin!.trpc.channels.settings.query()).find((c) => c.key === cityKey)!.receivers).toMatchObject([{ url: moved.url }]);
      await publish(await draft('接收地址变更后推送的通知', [cityKey]));
      expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 1, failed: 0 });
      const [hit] = moved.received.splice(0);
      expect(JSON.parse(hit!.body).document.title).toBe('接收地址变更后推送的通知');
      expect(verifyWebhookSignature(citySecret, hit!.headers['x-shenfa-timestamp'] as string, hit!.headers['x-shenfa-signature'] as string, hit!.body, Date.now() / 1000)).toBe(true);
      expect(city.received).toEqual([]);
      const audits = await server.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'channel.update'));
      expect(JSON.stringify(audits.at(-1)!.detail)).toContain(moved.url);
      const refused = await clients.admin!.trpc.channels.update.mutate({ key: 'wechat', label: { zh: '微信公众号', en: 'WeChat account' }, effect: { zh: '', en: '' }, url: moved.url }).catch((e: Error) => e.message);
      expect(refused).toBe('只有新增的 Webhook 渠道可以设置接收地址');
      const bad = await clients.admin!.trpc.channels.update.mutate({ key: cityKey, label: { zh: '市政府门户网站', en: 'City portal' }, effect: { zh: '', en: '' }, url: 'ftp://x.example/hooks' }).catch((e: Error) => e.message);
      expect(bad).toMatch(/http/);
      expect((await clients.admin!.trpc.channels.settings.query()).find((c) => c.key === cityKey)!.receivers).toMatchObject([{ url: moved.url }]);
    } finally {
      await moved.close();
    }
  });
});
