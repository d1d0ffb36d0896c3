/**
 * Catalog settings by admins over real HTTP: a category's column, clock rule, annual-report
 * cell and drafting form; departments. Every change is audited with before and after; a bad
 * setting is refused in Chinese and changes nothing; a category bound to another form makes
 * its new documents use that form.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, categories, departments, documents } from '../../server/db/schema/index';
import { draftDocumentForm } from '../../forms/index';
import { failure } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { signInAll, type Clients } from '../support/review-driver';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let clients: Clients;
let notice: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['admin', 'drafter']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

const db = () => server.services.database.db;
const auditOf = async (action: string) =>
  (await db().select().from(auditLog).where(eq(auditLog.action, action))).map((row) => ({ ...row, detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as unknown) : row.detail }));

describe('catalog settings', () => {
  it('lists categories with their settings and the choices', async () => {
    const settings = await clients.admin!.trpc.catalogAdmin.settings.query();
    expect(settings.categories.find((c) => c.id === notice)).toMatchObject({ code: 'notice', formKey: 'draft_document' });
    expect(settings.clockRules.map((r) => r.key)).toContain('proactive_disclosure');
    expect(settings.reportCells).toContainEqual({ key: 'normative_documents', label: { zh: '行政规范性文件', en: 'Administrative normative documents' } });
    expect(settings.formKeys).toEqual(['draft_document']);
    expect(settings.departments.length).toBeGreaterThan(0);
    expect((await failure(clients.drafter!.trpc.catalogAdmin.settings.query())).code).toBe('FORBIDDEN');
  });

  it('changes a category with an audit row holding before and after; bad settings change nothing', async () => {
    const [before] = await db().select().from(categories).where(eq(categories.id, notice));
    const next = { nameZh: '通知公告（调整）', nameEn: 'Notices', column: '政务公开/通知公告', clockRule: 'proactive_disclosure', reportCell: 'normative_documents', formKey: 'draft_document', requiresDisclosure: true };
    for (const bad of [{ ...next, reportCell: 'nowhere' }, { ...next, clockRule: 'no_rule' }, { ...next, formKey: 'no_form' }, { ...next, nameZh: ' ' }]) {
      expect((await failure(clients.admin!.trpc.catalogAdmin.updateCategory.mutate({ id: notice, settings: bad }))).code).toBe('BAD_REQUEST');
    }
    expect((await db().select().from(categories).where(eq(categories.id, notice)))[0]).toEqual(before);
    expect(await auditOf('catalog.category.update')).toEqual([]);

    await clients.admin!.trpc.catalogAdmin.updateCategory.mutate({ id: notice, settings: next });
    const [after] = await db().select().from(categories).where(eq(categories.id, notice));
    expect(after).toMatchObject(next);
    const [audit] = await auditOf('catalog.category.update');
    expect(audit?.detail).toMatchObject({ code: 'notice', before: { nameZh: before!.nameZh, reportCell: before!.reportCell }, after: next });
  });

  it('binds a category to another drafting form: its new documents are filled with that form', async () => {
    const shortForm = { ...draftDocumentForm, key: 'notice_form', title: { zh: '通知类起草表单', en: 'Notice drafting form' }, fields: [...draftDocumentForm.fields, { key: 'contact', type: 'person', label: { zh: '联系人', en: 'Contact' }, required: true }] };
    await clients.admin!.trpc.forms.publish.mutate({ definition: shortForm });
    const [row] = await db().select().from(categories).where(eq(categories.id, notice));
    await clients.admin!.trpc.catalogAdmin.updateCategory.mutate({ id: notice, settings: { nameZh: row!.nameZh, nameEn: row!.nameEn, column: row!.column, clockRule: row!.clockRule, reportCell: row!.reportCell, formKey: 'notice_form', requiresDisclosure: row!.requiresDisclosure } });
    expect((await clients.drafter!.trpc.forms.forDrafting.query({ categoryId: notice })).key).toBe('notice_form');
    expect((await clients.drafter!.trpc.forms.forDrafting.query({})).key).toBe('draft_document');

    expect((await failure(clients.drafter!.trpc.documents.create.mutate(draftInput(notice)))).message).toBe('请选择「联系人」');
    expect((await failure(clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice), contact: 'nobody' }))).message).toBe('「联系人」的选项无效');
    const { people } = await clients.drafter!.trpc.forms.pickerOptions.query();
    const me = people.find((p) => p.name)!;
    const created = await clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice), contact: me.id });
    const [doc] = await db().select({ key: documents.formKey, v: documents.formVersion, extra: documents.extraFields }).from(documents).where(eq(documents.id, created.id));
    expect(doc).toEqual({ key: 'notice_form', v: 1, extra: { contact: me.id } });
    const view = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(view.extraFields).toEqual([{ key: 'contact', type: 'person', label: { zh: '联系人', en: 'Contact' }, text: { zh: me.name, en: me.name } }]);
  });

  it('adds and renames departments, audited; a taken code is refused', async () => {
    const { id } = await clients.admin!.trpc.catalogAdmin.createDepartment.mutate({ code: 'archives', name: '档案科' });
    expect((await failure(clients.admin!.trpc.catalogAdmin.createDepartment.mutate({ code: 'archives', name: '又一个档案科' }))).code).toBe('CONFLICT');
    await clients.admin!.trpc.catalogAdmin.renameDepartment.mutate({ id, name: '档案信息科' });
    expect((await db().select({ name: departments.name }).from(departments).where(eq(departments.id, id)))[0]?.name).toBe('档案信息科');
    expect((await auditOf('catalog.department.create')).length).toBe(1);
    expect((await auditOf('catalog.department.rename'))[0]?.detail).toMatchObject({ before: '档案科', after: '档案信息科' });
    expect((await failure(clients.drafter!.trpc.catalogAdmin.renameDepartment.mutate({ id, name: 'x' }))).code).toBe('FORBIDDEN');
  });
});
