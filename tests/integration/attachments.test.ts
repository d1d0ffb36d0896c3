import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema/index';
import { attachmentDir, checkUpload, keepUpload } from '../../server/services/attachment-service';
import { loadSessionUser } from '../../server/services/users';
import { startTestServer, type TestServer } from '../support/test-server';
import { apiClient } from '../support/api-client';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput, partialOverrides } from '../support/draft-input';

let server: TestServer;
let clients: Clients;
let categoryIdValue: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'drafter2', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  categoryIdValue = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(client: Clients[string], documentId: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  const response = await client.fetch(`/api/documents/${documentId}/attachments`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { message: string } } };
}

describe('attachments', () => {
  it('stores an upload under a generated name and serves it back with its type and name', async () => {
    const { id } = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '附件测试' }));
    const uploaded = await upload(clients.drafter!, id, '低保标准测算表.pdf', PDF);
    expect(uploaded.status).toBe(201);
    const response = await clients.drafter!.fetch(`/api/attachments/${uploaded.body.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('低保标准测算表.pdf'));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
    const doc = await clients.drafter!.trpc.documents.get.query({ id });
    expect(doc.attachments.map((a) => a.name)).toEqual(['低保标准测算表.pdf']);
  });

  it('refuses wrong types, disguised content, other users and anonymous downloads', async () => {
    const { id } = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '附件拒绝测试' }));
    const exe = await upload(clients.drafter!, id, 'setup.exe', new Uint8Array([0x4d, 0x5a, 0, 0]));
    expect(exe.status).toBe(400);
    expect(exe.body.error?.message).toMatch(/不支持的附件类型/);
    const fake = await upload(clients.drafter!, id, 'report.pdf', new TextEncoder().encode('<script>alert(1)</script>'));
    expect(fake.status).toBe(400);
    expect(fake.body.error?.message).toBe('附件内容与扩展名不符');
    expect((await upload(clients.drafter2!, id, 'a.pdf', PDF)).status).toBe(403);
    const ok = await upload(clients.drafter!, id, 'a.pdf', PDF);
    expect((await clients.drafter2!.fetch(`/api/attachments/${ok.body.id}`)).status).toBe(404);
    expect((await apiClient(server.url).fetch(`/api/attachments/${ok.body.id}`)).status).toBe(401);
    const doc = await clients.drafter!.trpc.documents.get.query({ id });
    expect(doc.attachments).toHaveLength(1);
  });

  it('publishes the attachments of open documents only, never of redacted ones', async () => {
    const open = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '公开附件' }));
    const openFile = await upload(clients.drafter!, open.id, 'open.pdf', PDF);
    const partial = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '删减附件', ...partialOverrides() }));
    const partialFile = await upload(clients.drafter!, partial.id, 'partial.pdf', PDF);
    for (const id of [open.id, partial.id]) {
      const doc = await clients.drafter!.trpc.documents.get.query({ id });
      await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: doc.version });
      await driveThroughReview(clients, id);
    }
    expect((await fetch(`${server.url}/public/attachments/${openFile.body.id}`)).status).toBe(200);
    expect((await fetch(`${server.url}/public/attachments/${partialFile.body.id}`)).status).toBe(404);
    const partialDoc = await clients.drafter!.trpc.documents.get.query({ id: partial.id });
    const page = await (await fetch(`${server.url}/public/documents/${encodeURIComponent(partialDoc.indexNumber!)}`)).text();
    expect(page).not.toContain('partial.pdf');
  });

  it('removes the stored bytes when the row cannot be committed: no file is left without a row', async () => {
    const { db } = server.services.database;
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'drafter'));
    const actor = (await loadSessionUser(db, row!.id))!;
    const files = () => (fs.existsSync(attachmentDir(server.services)) ? fs.readdirSync(attachmentDir(server.services)).sort() : []);
    const before = files();
    const upload = { ...checkUpload({ name: '测算表.pdf', bytes: PDF }), bytes: PDF };
    let written: string[] = [];
    const failed = keepUpload(server.services, actor, upload, async (stored) => {
      written = files();
      expect(written).toContain(stored.storedName);
      throw new Error('the commit failed');
    });
    await expect(failed).rejects.toThrow('the commit failed');
    expect(written.length).toBe(before.length + 1);
    expect(files()).toEqual(before);
  });
});
