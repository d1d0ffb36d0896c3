/**
 * Drafting forms as versioned data, over real HTTP against a real libsql file: the server
 * refuses an invalid definition however it is posted, a document keeps the form version it
 * was filled with, a new document uses the newest version, and an admin-added field's value
 * is stored with the document and shown on its page.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, documents, formDefinitions } from '../../server/db/schema/index';
import { draftDocumentForm, type FieldDefinition, type FormDefinition } from '../../forms/index';
import { failure } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { signInAll, type Clients } from '../support/review-driver';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let clients: Clients;
let notice: string;

const fundAmount: FieldDefinition = {
  key: 'fundAmount',
  type: 'number',
  label: { zh: '涉及资金金额（万元）', en: 'Funds involved (10k yuan)' },
  help: { zh: '含统计数据的文件须填写', en: 'Required for documents with statistics' },
  visibleWhen: { field: 'hasStatistics', equals: true },
  required: true,
  rules: { min: 0 },
};
const v2: FormDefinition = { ...draftDocumentForm, fields: [...draftDocumentForm.fields, fundAmount] };

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['admin', 'drafter']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

const db = () => server.services.database.db;
const storedVersions = async () => (await db().select().from(formDefinitions).where(eq(formDefinitions.key, 'draft_document'))).length;
const pinned = async (id: string) => (await db().select({ key: documents.formKey, v: documents.formVersion, extra: documents.extraFields }).from(documents).where(eq(documents.id, id)))[0]!;

describe('drafting form versions', () => {
  it('ships the drafting form as version 1, to which existing documents are pinned', async () => {
    const list = await clients.admin!.trpc.forms.list.query();
    expect(list.map((f) => [f.key, f.latestVersion, f.versions.map((v) => v.version)])).toEqual([['draft_document', 1, [1]]]);
    expect(list[0]!.categories.length).toBeGreaterThan(0);
    expect(await clients.admin!.trpc.forms.get.query({ key: 'draft_document' })).toEqual({ key: 'draft_document', version: 1, definition: draftDocumentForm });
    const seeded = await db().select({ key: documents.formKey, v: documents.formVersion }).from(documents);
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.every((d) => d.key === 'draft_document' && d.v === 1)).toBe(true);
  });

  it('validates a draft with Chinese issues and refuses to publish an invalid one, storing nothing', async () => {
    const auditBefore = (await db().select().from(auditLog)).length;
    const dangling = { ...v2, fields: [...draftDocumentForm.fields, { ...fundAmount, visibleWhen: { field: 'noSuchField', equals: true } }] };
    const duplicate = { ...v2, fields: [...draftDocumentForm.fields, { ...fundAmount, key: 'title' }] };
    const withoutGuard = { ...v2, fields: v2.fields.filter((f) => f.key !== 'isMajorMatter') };
    expect((await clients.admin!.trpc.forms.validate.mutate({ definition: v2 })).issues).toEqual([]);
    expect((await clients.admin!.trpc.forms.validate.mutate({ definition: dangling })).issues.map((i) => i.message)).toEqual(['字段「涉及资金金额（万元）」引用了无效字段「noSuchField」']);
    expect((await clients.admin!.trpc.forms.validate.mutate({ definition: withoutGuard })).issues[0]).toMatchObject({ fieldKey: 'isMajorMatter', message: '不能删除字段「重大事项」（isMajorMatter）：审查流程的条件依赖该字段' });

    for (const definition of [dangling, duplicate, withoutGuard, { key: 'draft_document' }, null]) {
      const refused = await failure(clients.admin!.trpc.forms.publish.mutate({ definition }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toMatch(/^表单定义未通过校验，不能发布：\n1\. /);
    }
    // Posted by hand, past the builder: the same refusal.
    const response = await clients.admin!.fetch('/api/trpc/forms.publish', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ definition: duplicate }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('字段键名「title」重复');
    expect(await storedVersions()).toBe(1);
    expect((await db().select().from(auditLog)).length).toBe(auditBefore);
    expect((await failure(clients.drafter!.trpc.forms.publish.mutate({ definition: v2 }))).code).toBe('FORBIDDEN');
  });

  it('keeps an in-flight document on its version and fills a new one with the new version', async () => {
    const before = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '发布前起草的通知' }));
    expect(await pinned(before.id)).toEqual({ key: 'draft_document', v: 1, extra: {} });

    expect(await clients.admin!.trpc.forms.publish.mutate({ definition: v2, notes: '增加资金金额' })).toEqual({ version: 2 });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'form.publish'), eq(auditLog.toState, 'draft_document@2')));
    expect(audit?.actorId).toBeTruthy();
    expect((await clients.drafter!.trpc.forms.forDrafting.query({ categoryId: notice })).version).toBe(2);

    // A new document: the new field is asked for only when statistics are ticked.
    const plain = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '不含统计数据的通知' }));
    expect(await pinned(plain.id)).toEqual({ key: 'draft_document', v: 2, extra: { fundAmount: null } });
    const missing = await failure(clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '含统计数据的通知', hasStatistics: true })));
    expect(missing).toMatchObject({ code: 'BAD_REQUEST', message: '请填写「涉及资金金额（万元）」' });
    const filled = await clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice, { title: '含统计数据的通知', hasStatistics: true }), fundAmount: '35.5' });
    expect(await pinned(filled.id)).toEqual({ key: 'draft_document', v: 2, extra: { fundAmount: 35.5 } });
    const view = await clients.drafter!.trpc.documents.get.query({ id: filled.id });
    expect(view.form).toEqual({ key: 'draft_document', version: 2 });
    expect(view.extraFields).toEqual([{ key: 'fundAmount', type: 'number', label: fundAmount.label, text: { zh: '35.5', en: '35.5' } }]);

    // The document drafted before the change is still validated with version 1: no new field demanded.
    const edited = await clients.drafter!.trpc.documents.update.mutate({ id: before.id, expectedVersion: before.version, data: draftInput(notice, { title: '发布前起草的通知', hasStatistics: true }) });
    expect(edited.version).toBe(before.version + 1);
    expect(await pinned(before.id)).toEqual({ key: 'draft_document', v: 1, extra: {} });
    expect((await clients.drafter!.trpc.documents.get.query({ id: before.id })).form).toEqual({ key: 'draft_document', version: 1 });
    expect(await clients.drafter!.trpc.forms.pinned.query({ key: 'draft_document', version: 1 })).toEqual(draftDocumentForm);

    // Editing the new one keeps demanding the field while statistics are ticked.
    const refusedEdit = await failure(
      clients.drafter!.trpc.documents.update.mutate({ id: filled.id, expectedVersion: filled.version, data: draftInput(notice, { title: '含统计数据的通知', hasStatistics: true }) }),
    );
    expect(refusedEdit.message).toBe('请填写「涉及资金金额（万元）」');
    expect(await pinned(filled.id)).toEqual({ key: 'draft_document', v: 2, extra: { fundAmount: 35.5 } });
  });

  it('sends every field message of a refused form, for the client to show beside each field', async () => {
    const response = await clients.drafter!.fetch('/api/trpc/documents.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ ...draftInput(notice, { title: '', hasStatistics: true }), fundAmount: -3 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: { issues: { path: string[]; message: string }[] } } };
    expect(body.error.data.issues).toEqual([
      { path: ['title'], message: '请填写「标题」' },
      { path: ['fundAmount'], message: '「涉及资金金额（万元）」不能小于 0' },
    ]);
  });

  it('never changes a stored version', async () => {
    await expect(db().update(formDefinitions).set({ notes: 'x' }).where(eq(formDefinitions.version, 1))).rejects.toThrow();
    await expect(db().delete(formDefinitions).where(eq(formDefinitions.version, 1))).rejects.toThrow();
  });
});
