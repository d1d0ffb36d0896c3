/**
 * Publication channels over real HTTP on a real libsql file: a plugin channel (the portal file
 * drop) receives a published document's public facts after publication; for offline channels
 * the publisher uploads a proof (photo or scan) that is kept with the document, audited, and
 * listed for the year-end inspection; wrong types, other roles and anonymous callers are
 * refused and change nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, channelProofs, documents } from '../../server/db/schema/index';
import { FILE_DROP_CHANNEL, fileDropName } from '../../server/channels/plugins/file-drop';
import { cstDate } from '../../server/time';
import { startTestServer, type TestServer } from '../support/test-server';
import { apiClient, failure, type ApiClient } from '../support/api-client';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';

let server: TestServer;
let clients: Clients;
let documentId: string;
let indexNumber: string;
const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-drop-'));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]);

async function upload(client: ApiClient, fields: { channel?: string; publishedOn?: string; note?: string; name: string; bytes: Uint8Array<ArrayBuffer> }, id = documentId) {
  const form = new FormData();
  form.set('file', new File([fields.bytes], fields.name));
  form.set('channel', fields.channel ?? 'notice_board');
  form.set('publishedOn', fields.publishedOn ?? cstDate(Date.now()));
  form.set('note', fields.note ?? '');
  const response = await client.fetch(`/api/documents/${id}/channel-proofs`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { message: string } } };
}

const proofCount = async () => (await server.services.database.db.select().from(channelProofs)).length;

beforeAll(async () => {
  server = await startTestServer({ env: { SHENFA_CHANNEL_FILE_DROP_DIR: dropDir, SHENFA_PUBLIC_URL: 'https://mzj.qingyuan.gov.cn' } });
  clients = await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  const notice = await categoryId(clients.drafter!, 'notice');
  const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '关于公布2026年城乡低保标准的公告', channels: ['portal', 'notice_board', 'broadcast'] }));
  documentId = created.id;
  // Set directly so this file stays about publication; tests/integration/channel-options.test.ts shows the form offering it.
  await server.services.database.db.update(documents).set({ channels: ['portal', 'notice_board', 'broadcast', FILE_DROP_CHANNEL], version: sql`${documents.version} + 1` }).where(eq(documents.id, documentId));
  const draft = await clients.drafter!.trpc.documents.get.query({ id: documentId });
  await clients.drafter!.trpc.review.submit.mutate({ documentId, expectedVersion: draft.version });
  await driveThroughReview(clients, documentId);
  const [row] = await server.services.database.db.select().from(documents).where(eq(documents.id, documentId));
  expect(row!.status).toBe('published');
  indexNumber = row!.indexNumber!;
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dropDir, { recursive: true, force: true });
});

describe('publication channels', () => {
  it('hands a published document to a plugin channel: the file drop holds its public facts', () => {
    const file = path.join(dropDir, fileDropName({ indexNumber }));
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(written).toMatchObject({ documentId, indexNumber, title: '关于公布2026年城乡低保标准的公告', attribute: 'open', url: `https://mzj.qingyuan.gov.cn/public/documents/${encodeURIComponent(indexNumber)}` });
    expect(JSON.stringify(written)).not.toContain('最低生活保障');
  });

  it('lists the registered channels with their mode for the disclosure office', async () => {
    const channels = await clients.publisher!.trpc.channelProofs.channels.query();
    expect(channels.map((c) => [c.key, c.mode])).toEqual([['portal', 'online'], ['wechat', 'online'], ['notice_board', 'offline'], ['broadcast', 'offline'], [FILE_DROP_CHANNEL, 'online']]);
    expect((await failure(clients.drafter!.trpc.channelProofs.channels.query())).code).toBe('FORBIDDEN');
  });
});

describe('offline channel proofs', () => {
  it('keeps a photo of the notice board with the document, audited, and lists it for the year', async () => {
    const today = cstDate(Date.now());
    const uploaded = await upload(clients.publisher!, { name: '公告栏张贴照片.png', bytes: PNG, note: '市民政局一楼政务公开栏' });
    expect(uploaded.status).toBe(201);
    const scan = await upload(clients.admin!, { channel: 'broadcast', name: '清源日报第3版.pdf', bytes: PDF });
    expect(scan.status).toBe(201);

    const [audit] = await server.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'channel_proof.added'));
    expect(audit!.documentId).toBe(documentId);
    expect(JSON.parse(audit!.detail as string)).toMatchObject({ proofId: uploaded.body.id, channel: 'notice_board', publishedOn: today, name: '公告栏张贴照片.png', size: PNG.length });

    const forDoc = await clients.publisher!.trpc.channelProofs.forDocument.query({ documentId });
    expect(forDoc.offlineChannels.map((c) => c.key)).toEqual(['notice_board', 'broadcast']);
    expect(forDoc.proofs.map((p) => [p.channel, p.name, p.note])).toEqual([['notice_board', '公告栏张贴照片.png', '市民政局一楼政务公开栏'], ['broadcast', '清源日报第3版.pdf', '']]);

    const year = Number(today.slice(0, 4));
    const inspection = await clients.admin!.trpc.channelProofs.forYear.query({ year });
    expect(inspection.proofs.map((p) => [p.indexNumber, p.title, p.channel, p.publishedOn])).toEqual(
      expect.arrayContaining([[indexNumber, '关于公布2026年城乡低保标准的公告', 'notice_board', today], [indexNumber, '关于公布2026年城乡低保标准的公告', 'broadcast', today]]),
    );
    expect((await clients.admin!.trpc.channelProofs.forYear.query({ year, channel: 'broadcast' })).proofs.map((p) => p.name)).toEqual(['清源日报第3版.pdf']);
    expect((await clients.admin!.trpc.channelProofs.forYear.query({ year: year - 1 })).proofs).toEqual([]);

    const file = await clients.publisher!.fetch(`/api/channel-proofs/${uploaded.body.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
  });

  it('refuses a wrong type, a forged image, an online channel and a future date, writing nothing', async () => {
    const before = await proofCount();
    const tomorrow = cstDate(Date.now() + 86_400_000);
    const cases = [
      [{ name: '张贴说明.docx', bytes: DOCX }, '发布凭证仅限照片或扫描件（JPG、PNG 或 PDF）'],
      [{ name: '照片.png', bytes: PDF }, '附件内容与扩展名不符'],
      [{ name: '照片.png', bytes: PNG, channel: 'portal' }, '「门户网站栏目」由系统自动发布，无需上传凭证'],
      [{ name: '照片.png', bytes: PNG, publishedOn: tomorrow }, '「发布日期」不能晚于今天'],
      [{ name: '照片.png', bytes: PNG, publishedOn: '2026-02-30' }, '请填写有效的「发布日期」（YYYY-MM-DD）'],
    ] as const;
    for (const [fields, message] of cases) {
      const refused = await upload(clients.publisher!, fields);
      expect(refused).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message } } });
    }
    expect(await proofCount()).toBe(before);
  });

  it('refuses anonymous callers and staff without the right, to upload or to see', async () => {
    const before = await proofCount();
    expect((await upload(apiClient(server.url), { name: '照片.png', bytes: PNG })).status).toBe(401);
    const drafter = await upload(clients.drafter!, { name: '照片.png', bytes: PNG });
    expect(drafter.status).toBe(403);
    expect(await proofCount()).toBe(before);
    const [proof] = await server.services.database.db.select().from(channelProofs);
    expect((await fetch(`${server.url}/api/channel-proofs/${proof!.id}`)).status).toBe(401);
    expect((await clients.drafter!.fetch(`/api/channel-proofs/${proof!.id}`)).status).toBe(403);
    expect((await failure(clients.leader!.trpc.channelProofs.forYear.query({ year: 2026 }))).code).toBe('FORBIDDEN');
    expect((await failure(clients.drafter!.trpc.channelProofs.forDocument.query({ documentId }))).code).toBe('FORBIDDEN');
  });
});
