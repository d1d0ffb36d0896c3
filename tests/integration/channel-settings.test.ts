/**
 * Admins manage the publication channels over real HTTP on a real libsql file: add an offline
 * channel without code, rename, reorder, disable and enable; bad input is refused in Chinese
 * and changes nothing; every change has its audit row; only admins may. A disabled channel is
 * no longer offered nor accepted on a new draft, while a document already listing it keeps it,
 * shows its name, is published with it and gets its offline proof.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, channelSettings, documents } from '../../server/db/schema/index';
import { cstDate } from '../../server/time';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure } from '../support/api-client';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-channel-settings-'));
let server: TestServer;
let clients: Clients;
let notice: string;
const CENTRE = { label: { zh: '政务服务中心查阅点', en: 'Service centre reading point' }, effect: { zh: '', en: '' } };
let centreKey: string;

const db = () => server.services.database.db;
const auditRows = async (action: string) =>
  (await db().select().from(auditLog).where(like(auditLog.action, action))).map((row) => ({ ...row, detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : (row.detail as unknown as Record<string, unknown>) }));
const offered = async () => (await clients.drafter!.trpc.forms.forDrafting.query({ categoryId: notice })).fields.find((f) => f.key === 'channels')!.options!;
const settingsRows = async () => (await db().select().from(channelSettings)).length;
const documentCount = async () => (await db().select().from(documents)).length;

beforeAll(async () => {
  server = await startTestServer({ dir });
  clients = await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  notice = await categoryId(clients.drafter!, 'notice');
}, 60_000);
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('channel settings', () => {
  it('lists the built-in channels with their defaults before anything is set', async () => {
    const channels = await clients.admin!.trpc.channels.settings.query();
    expect(channels.map((c) => [c.key, c.kind, c.mode, c.enabled])).toEqual([
      ['portal', 'builtin', 'online', true], ['wechat', 'builtin', 'online', true], ['notice_board', 'builtin', 'offline', true], ['broadcast', 'builtin', 'offline', true],
    ]);
    expect(await settingsRows()).toBe(0);
  });

  it('adds an offline channel without code: a generated key, last in order, offered to drafters, audited', async () => {
    const added = await clients.admin!.trpc.channels.addOffline.mutate(CENTRE);
    centreKey = added.key;
    expect(centreKey).toBe('service_centre_reading_point');
    const channels = await clients.admin!.trpc.channels.settings.query();
    expect(channels.at(-1)).toMatchObject({ key: centreKey, kind: 'offline', mode: 'offline', enabled: true, label: CENTRE.label, defaults: null });
    // An empty effect becomes a sentence saying what an offline channel means.
    expect(channels.at(-1)!.effect.zh).toContain('上传凭证');
    expect((await offered()).map((o) => o.value)).toEqual(['portal', 'wechat', 'notice_board', 'broadcast', centreKey]);
    const [audit] = await auditRows('channel.add');
    expect(audit).toMatchObject({ actorId: expect.any(String), toState: centreKey, detail: { key: centreKey, kind: 'offline', label: CENTRE.label } });
  });

  it('refuses bad input with a Chinese message and changes nothing', async () => {
    const rows = await settingsRows();
    const audits = (await auditRows('channel.%')).length;
    // Each call made when its turn comes: made all at once, a refusal could come before its await.
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => clients.admin!.trpc.channels.addOffline.mutate({ ...CENTRE, label: { zh: ' ', en: 'Archive' } }), /请填写「渠道名称（中文）」/],
      [() => clients.admin!.trpc.channels.addOffline.mutate({ ...CENTRE, label: { zh: '档案馆', en: 'Archive' }, key: 'Bad Key' }), /小写字母开头/],
      [() => clients.admin!.trpc.channels.addOffline.mutate({ ...CENTRE, label: { zh: '档案馆', en: 'Archive' }, key: 'portal' }), /渠道标识「portal」已被使用/],
      [() => clients.admin!.trpc.channels.addOffline.mutate({ ...CENTRE, key: 'centre_two' }), /已有名为「政务服务中心查阅点」的发布渠道/],
      [() => clients.admin!.trpc.channels.update.mutate({ key: 'no_such', ...CENTRE }), /未找到该发布渠道/],
      [() => clients.admin!.trpc.channels.addWebhook.mutate({ label: { zh: '市门户', en: 'City portal' }, effect: { zh: '', en: '' }, url: 'ftp://example.org/x' }), /http/],
    ];
    for (const [call, message] of cases) {
      const refused = await failure(call());
      expect(['BAD_REQUEST', 'NOT_FOUND']).toContain(refused.code);
      expect(refused.message).toMatch(message);
    }
    expect(await settingsRows()).toBe(rows);
    expect((await auditRows('channel.%')).length).toBe(audits);
  });

  it('renames a built-in channel: the form, the document and the audit row say the new name', async () => {
    await clients.admin!.trpc.channels.update.mutate({ key: 'wechat', label: { zh: '“清远民政”微信公众号', en: 'Qingyuan Civil Affairs WeChat' }, effect: { zh: '', en: '' } });
    expect((await offered()).find((o) => o.value === 'wechat')!.label.zh).toBe('“清远民政”微信公众号');
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '关于微信渠道的通知', channels: ['portal', 'wechat'] as never }));
    const view = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(view.channelLabels.wechat!.zh).toBe('“清远民政”微信公众号');
    const channels = await clients.admin!.trpc.channels.settings.query();
    // An empty effect keeps the code's sentence; the default label is still shown beside it.
    expect(channels.find((c) => c.key === 'wechat')).toMatchObject({ effect: { zh: expect.stringContaining('微信公众号后台') }, defaults: { label: { zh: '微信公众号' } } });
    const [audit] = await auditRows('channel.update');
    expect(audit!.detail).toMatchObject({ key: 'wechat', before: { label: { zh: '微信公众号' } }, after: { label: { zh: '“清远民政”微信公众号' } } });
  });

  it('reorders the channels for every list, and refuses an order made from a stale list', async () => {
    const order = [centreKey, 'portal', 'notice_board', 'wechat', 'broadcast'];
    await clients.admin!.trpc.channels.reorder.mutate({ keys: order });
    expect((await offered()).map((o) => o.value)).toEqual(order);
    expect((await clients.admin!.trpc.channels.settings.query()).map((c) => c.key)).toEqual(order);
    const stale = await failure(clients.admin!.trpc.channels.reorder.mutate({ keys: ['portal', 'wechat', 'notice_board', 'broadcast'] }));
    expect(stale).toMatchObject({ code: 'CONFLICT', message: '发布渠道已有变化，请刷新后重新排序' });
    const [audit] = await auditRows('channel.reorder');
    expect(audit!.detail).toMatchObject({ after: order });
  });

  it('a disabled channel is not offered nor accepted on a new draft; a document listing it keeps it through publication', async () => {
    // Drafted while the channel is on; another draft without it.
    const keeper = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '关于在政务服务中心公示的通知', channels: ['portal', centreKey] as never }));
    const other = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '不含查阅点的通知' }));

    await clients.admin!.trpc.channels.setEnabled.mutate({ key: centreKey, enabled: false });
    expect((await offered()).map((o) => o.value)).not.toContain(centreKey);
    const before = await documentCount();
    const refused = await failure(clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '新草稿', channels: ['portal', centreKey] as never })));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: '发布渠道「政务服务中心查阅点」已停用，不能再选择' });
    expect(await documentCount()).toBe(before);
    // Nor may an edit add it to a document that did not list it.
    const addToOther = await failure(clients.drafter!.trpc.documents.update.mutate({ id: other.id, expectedVersion: other.version, data: draftInput(notice, { title: '不含查阅点的通知', channels: ['portal', centreKey] as never }) }));
    expect(addToOther.code).toBe('BAD_REQUEST');

    // The document listing it keeps it across an edit, and shows its name and (disabled) choice.
    const edited = await clients.drafter!.trpc.documents.update.mutate({ id: keeper.id, expectedVersion: keeper.version, data: draftInput(notice, { title: '关于在政务服务中心公示的通知（修改）', channels: ['portal', centreKey] as never }) });
    const view = await clients.drafter!.trpc.documents.get.query({ id: keeper.id });
    expect(view.channels).toEqual(['portal', centreKey]);
    expect(view.channelLabels[centreKey]).toEqual(CENTRE.label);
    expect(view.channelChoices.map((c) => [c.key, c.enabled])).toEqual([[centreKey, false], ['portal', true], ['notice_board', true], ['wechat', true], ['broadcast', true]]);

    // Published with it; the publisher can still upload its proof.
    await clients.drafter!.trpc.review.submit.mutate({ documentId: keeper.id, expectedVersion: edited.version });
    await driveThroughReview(clients, keeper.id);
    const published = await clients.publisher!.trpc.documents.get.query({ id: keeper.id });
    expect(published.status).toBe('published');
    expect(published.channels).toContain(centreKey);
    const proofs = await clients.publisher!.trpc.channelProofs.forDocument.query({ documentId: keeper.id });
    expect(proofs.offlineChannels).toEqual([{ key: centreKey, label: CENTRE.label }]);
    const form = new FormData();
    form.set('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])], '查阅点张贴.png'));
    form.set('channel', centreKey);
    form.set('publishedOn', cstDate(Date.now()));
    form.set('note', '');
    const uploaded = await clients.publisher!.fetch(`/api/documents/${keeper.id}/channel-proofs`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    expect((await clients.publisher!.trpc.channelProofs.forYear.query({ year: Number(cstDate(Date.now()).slice(0, 4)) })).channels.find((c) => c.key === centreKey)).toMatchObject({ enabled: false });

    const [audit] = await auditRows('channel.disable');
    expect(audit).toMatchObject({ toState: centreKey, detail: { key: centreKey } });
  });

  it('enables it again, and refuses to disable the last enabled channel', async () => {
    await clients.admin!.trpc.channels.setEnabled.mutate({ key: centreKey, enabled: true });
    expect((await offered()).map((o) => o.value)).toContain(centreKey);
    expect((await auditRows('channel.enable')).length).toBe(1);
    for (const key of ['portal', 'notice_board', 'wechat', 'broadcast']) await clients.admin!.trpc.channels.setEnabled.mutate({ key, enabled: false });
    const last = await failure(clients.admin!.trpc.channels.setEnabled.mutate({ key: centreKey, enabled: false }));
    expect(last).toMatchObject({ code: 'BAD_REQUEST', message: '至少须保留一个启用的发布渠道' });
    for (const key of ['portal', 'notice_board', 'wechat', 'broadcast']) await clients.admin!.trpc.channels.setEnabled.mutate({ key, enabled: true });
    // A built-in's row keeps null texts where it matches the code, so a later release's wording applies.
    const [portal] = await db().select().from(channelSettings).where(eq(channelSettings.key, 'portal'));
    expect(portal).toMatchObject({ kind: 'code', labelZh: null, effectZh: null, enabled: true });
  });

  it('never gives a new channel a key documents already carry (a removed plugin’s)', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '曾发往县档案馆插件渠道的通知' }));
    // Set directly, as a removed plugin left it (the version bump passes the stale-write trigger).
    await db().update(documents).set({ channels: ['portal', 'county_archive'], version: sql`${documents.version} + 1` }).where(eq(documents.id, created.id));
    const refused = await failure(clients.admin!.trpc.channels.addOffline.mutate({ label: { zh: '县档案馆', en: 'County archive' }, effect: { zh: '', en: '' }, key: 'county_archive' }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: '渠道标识「county_archive」已被文件使用，标识不能重复使用' });
    const added = await clients.admin!.trpc.channels.addOffline.mutate({ label: { zh: '县档案馆', en: 'County archive' }, effect: { zh: '', en: '' } });
    expect(added.key).toBe('county_archive_2');
    // The old document still shows the key it carries, not the new channel's name.
    const view = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(view.channelLabels.county_archive).toEqual({ zh: 'county_archive', en: 'county_archive' });
  });

  it('refuses every channel change to anyone but an admin', async () => {
    for (const role of ['drafter', 'publisher', 'leader']) {
      expect((await failure(clients[role]!.trpc.channels.settings.query())).code).toBe('FORBIDDEN');
      expect((await failure(clients[role]!.trpc.channels.addOffline.mutate({ ...CENTRE, label: { zh: '图书馆', en: 'Library' } }))).code).toBe('FORBIDDEN');
      expect((await failure(clients[role]!.trpc.channels.setEnabled.mutate({ key: 'portal', enabled: false }))).code).toBe('FORBIDDEN');
    }
  });
});
