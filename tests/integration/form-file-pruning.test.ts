/**
 * Form-field uploads that no saved form claimed within a week are removed (row, stored bytes,
 * an audit row each); claimed and recent ones stay. Real server, real libsql file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, formFiles } from '../../server/db/schema/index';
import { pruneUnclaimedFormFiles, UNCLAIMED_FORM_FILE_MS } from '../../server/services/form-file-pruning';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import { signedIn, type ApiClient } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let drafter: ApiClient;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  server = await startTestServer();
  drafter = await signedIn(server.url, 'drafter');
});
afterAll(async () => server?.close());

async function upload(name: string): Promise<string> {
  const form = new FormData();
  form.set('file', new File([PDF], name));
  const response = await drafter.fetch('/api/form-files', { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('unclaimed form-file pruning', () => {
  it('removes week-old unclaimed uploads with their bytes and an audit row, and keeps claimed and recent ones', async () => {
    const { db } = server.services.database;
    const abandoned = await upload('放弃的草稿.pdf');
    const claimed = await upload('已保存的表单.pdf');
    const recent = await upload('刚上传.pdf');
    const { id: documentId } = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title: '表单附件清理测试' }));
    const weekAgo = server.services.now() - UNCLAIMED_FORM_FILE_MS - 60_000;
    await db.update(formFiles).set({ createdAt: weekAgo }).where(eq(formFiles.id, abandoned));
    await db.update(formFiles).set({ createdAt: weekAgo, documentId, fieldKey: 'approvalScan' }).where(eq(formFiles.id, claimed));
    const stored = async (id: string) => path.join(server.dir, 'attachments', (await db.select({ s: formFiles.storedName }).from(formFiles).where(eq(formFiles.id, id)))[0]!.s);
    const abandonedFile = await stored(abandoned);
    expect(fs.existsSync(abandonedFile)).toBe(true);

    expect(await pruneUnclaimedFormFiles(server.services)).toEqual({ removed: 1 });

    const left = (await db.select({ id: formFiles.id }).from(formFiles)).map((r) => r.id);
    expect(left).not.toContain(abandoned);
    expect(left).toEqual(expect.arrayContaining([claimed, recent]));
    expect(fs.existsSync(abandonedFile)).toBe(false);
    expect(fs.existsSync(await stored(claimed))).toBe(true);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'form_file.discarded'));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ id: abandoned, name: '放弃的草稿.pdf' });
    expect((await verifyAuditChain(server.services)).broken).toBeNull();
    // Nothing left to do: a second run removes nothing.
    expect(await pruneUnclaimedFormFiles(server.services)).toEqual({ removed: 0 });
  });
});
