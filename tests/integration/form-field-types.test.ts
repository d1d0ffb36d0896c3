/**
 * The rich text, file and repeating-group field types and the opinion form of a review step,
 * over real HTTP against a real libsql file: rich text is stored and shown sanitised, a file
 * field takes only allowed uploads of the person filling it, a table enforces its row count and
 * each column's rules, and a step's opinion form is required and validated at that step (a
 * refusal is a typed Chinese error and changes nothing) and shown in the document's history.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, documents, formFiles, reviewRecords } from '../../server/db/schema/index';
import { draftDocumentForm, type FieldDefinition, type FormDefinition } from '../../forms/index';
import { releaseReviewDefinition } from '../../workflows/index';
import { apiClient, failure } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { actOnCurrentStep, ALL_CHECKS, driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let clients: Clients;
let notice: string;

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const label = (zh: string, en = zh) => ({ zh, en });

const summary: FieldDefinition = { key: 'summary', type: 'richtext', label: label('内容摘要', 'Summary'), rules: { maxLength: 200 } };
const approval: FieldDefinition = { key: 'approvalScan', type: 'file', label: label('审批单扫描件', 'Approval scan'), rules: { max: 2 } };
const funds: FieldDefinition = {
  key: 'funds',
  type: 'group',
  label: label('经费明细', 'Funds'),
  rules: { min: 1, max: 3 },
  visibleWhen: { field: 'hasStatistics', equals: true },
  required: true,
  fields: [
    { key: 'item', type: 'text', label: label('项目', 'Item'), required: true, rules: { maxLength: 20 } },
    { key: 'amount', type: 'number', label: label('金额（万元）', 'Amount'), required: true, rules: { min: 0 } },
  ],
};
const draftV2: FormDefinition = { ...draftDocumentForm, fields: [...draftDocumentForm.fields, summary, approval, funds] };

const legalityOpinion: FormDefinition = {
  key: 'legality_opinion',
  version: 1,
  purpose: 'opinion',
  title: label('合法性审查意见', 'Legality opinion'),
  fields: [
    {
      key: 'conclusion',
      type: 'select',
      label: label('合法性审查结论', 'Conclusion'),
      required: true,
      options: [
        { value: 'lawful', label: label('合法', 'Lawful') },
        { value: 'amend', label: label('修改后合法', 'Lawful once amended') },
      ],
    },
    { key: 'basis', type: 'textarea', label: label('依据', 'Basis'), requiredWhen: { field: 'conclusion', equals: 'amend' }, rules: { maxLength: 500 } },
  ],
};

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['admin', 'drafter', 'drafter2', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  notice = await categoryId(clients.drafter!, 'notice');
  await clients.admin!.trpc.forms.publish.mutate({ definition: draftV2 });
});
afterAll(() => server.close());

const db = () => server.services.database.db;
const auditCount = async () => (await db().select().from(auditLog)).length;

async function upload(client: Clients[string], name: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  const response = await client.fetch('/api/form-files', { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as { id: string; name: string; error?: { message: string } } };
}

describe('rich text field', () => {
  it('stores and shows only the allowlisted markup', async () => {
    const dirty = '<p onclick="steal()">依据<strong>第十条</strong><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">链接</a><a href="https://www.gov.cn/">国务院</a></p>';
    const { id } = await clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice, { title: '富文本测试' }), summary: dirty });
    const [row] = await db().select({ extra: documents.extraFields }).from(documents).where(eq(documents.id, id));
    const stored = row!.extra.summary as string;
    expect(stored).toBe('<p>依据<strong>第十条</strong><a rel="noopener noreferrer nofollow" target="_blank">链接</a><a href="https://www.gov.cn/" rel="noopener noreferrer nofollow" target="_blank">国务院</a></p>');
    const view = await clients.drafter!.trpc.documents.get.query({ id });
    const field = view.extraFields.find((f) => f.key === 'summary')!;
    expect(field.html).toBe(stored);
    expect(JSON.stringify(view)).not.toMatch(/script|onerror|onclick|javascript:/);
  });

  it('counts the visible text against the length rule, and an editor left empty is empty', async () => {
    const long = `<p>${'字'.repeat(201)}</p>`;
    expect((await failure(clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice), summary: long }))).message).toBe('「内容摘要」不能超过 200 个字');
    const { id } = await clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice), summary: '<p><br></p><script>x</script>' });
    expect((await db().select({ extra: documents.extraFields }).from(documents).where(eq(documents.id, id)))[0]!.extra.summary).toBe('');
  });
});

describe('file field', () => {
  it('refuses a wrong type or disguised content at upload, storing nothing', async () => {
    const before = (await db().select().from(formFiles)).length;
    const exe = await upload(clients.drafter!, 'setup.exe', new Uint8Array([0x4d, 0x5a, 0, 0]));
    expect(exe.status).toBe(400);
    expect(exe.body.error?.message).toMatch(/^不支持的附件类型，仅限：/);
    const fake = await upload(clients.drafter!, '审批单.pdf', new TextEncoder().encode('<html>'));
    expect(fake.body.error?.message).toBe('附件内容与扩展名不符');
    expect((await apiClient(server.url).fetch('/api/form-files', { method: 'POST', body: new FormData() })).status).toBe(401);
    expect((await db().select().from(formFiles)).length).toBe(before);
  });

  it('takes the filler’s own upload, claims it for the document and lets viewers download it', async () => {
    const scan = await upload(clients.drafter!, '审批单.pdf', PDF);
    expect(scan.status).toBe(201);
    // Before it is claimed, only the uploader may read it.
    expect((await clients.drafter!.fetch(`/api/form-files/${scan.body.id}`)).status).toBe(200);
    expect((await clients.drafter2!.fetch(`/api/form-files/${scan.body.id}`)).status).toBe(404);
    // Someone else's upload cannot be named in a form.
    const theirs = await upload(clients.drafter2!, '他人.pdf', PDF);
    const refused = await failure(clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice), approvalScan: [{ id: theirs.body.id, name: 'x.pdf' }] }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: '「审批单扫描件」中的文件无效或不属于您，请重新上传' });

    const { id } = await clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice, { title: '附审批单' }), approvalScan: [{ id: scan.body.id, name: 'renamed.exe' }] });
    const [claimed] = await db().select().from(formFiles).where(eq(formFiles.id, scan.body.id));
    expect(claimed).toMatchObject({ documentId: id, fieldKey: 'approvalScan', originalName: '审批单.pdf' });
    expect(claimed!.storedName).toBe(`${scan.body.id}.bin`);
    const view = await clients.drafter!.trpc.documents.get.query({ id });
    expect(view.extraFields.find((f) => f.key === 'approvalScan')?.files).toEqual([{ id: scan.body.id, name: '审批单.pdf', size: PDF.length }]);
    // Not a published annex: the document's attachments do not list it.
    expect(view.attachments).toEqual([]);
    // Claimed: the same file cannot go into another document.
    expect((await failure(clients.drafter!.trpc.documents.create.mutate({ ...draftInput(notice), approvalScan: [{ id: scan.body.id, name: 'a.pdf' }] }))).code).toBe('BAD_REQUEST');
    // Another drafter may not view a draft, so may not download its files either.
    expect((await clients.drafter2!.fetch(`/api/form-files/${scan.body.id}`)).status).toBe(404);
    const download = await clients.drafter!.fetch(`/api/form-files/${scan.body.id}`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    // Editing keeps the file that is already this document's.
    await clients.drafter!.trpc.documents.update.mutate({ id, expectedVersion: view.version, data: { ...draftInput(notice, { title: '附审批单' }), approvalScan: [{ id: scan.body.id, name: '审批单.pdf' }] } });
  });
});

describe('repeating group', () => {
  const withStats = (funds: unknown) => ({ ...draftInput(notice, { title: '经费表', hasStatistics: true }), funds });

  it('enforces the row count and each column’s own rules, naming row and column', async () => {
    expect((await failure(clients.drafter!.trpc.documents.create.mutate(withStats([])))).message).toBe('请在「经费明细」中至少添加一行');
    const row = { item: '修缮', amount: 1 };
    expect((await failure(clients.drafter!.trpc.documents.create.mutate(withStats([row, row, row, row])))).message).toBe('「经费明细」最多 3 行');
    const response = await clients.drafter!.fetch('/api/trpc/documents.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(withStats([row, { item: '', amount: -2 }])),
    });
    const body = (await response.json()) as { error: { data: { issues: { path: string[]; message: string }[] } } };
    expect(body.error.data.issues).toEqual([
      { path: ['funds', '1', 'item'], message: '「经费明细」第 2 行：请填写「项目」' },
      { path: ['funds', '1', 'amount'], message: '「经费明细」第 2 行：「金额（万元）」不能小于 0' },
    ]);
  });

  it('stores normalised rows and shows them as a table', async () => {
    const { id } = await clients.drafter!.trpc.documents.create.mutate(withStats([{ item: ' 修缮 ', amount: '12.5' }, { item: '设备', amount: 3 }]));
    expect((await db().select({ extra: documents.extraFields }).from(documents).where(eq(documents.id, id)))[0]!.extra.funds).toEqual([
      { item: '修缮', amount: 12.5 },
      { item: '设备', amount: 3 },
    ]);
    const field = (await clients.drafter!.trpc.documents.get.query({ id })).extraFields.find((f) => f.key === 'funds');
    expect(field?.table).toEqual({ columns: [label('项目', 'Item'), label('金额（万元）', 'Amount')], rows: [[label('修缮'), label('12.5')], [label('设备'), label('3')]] });
  });
});

describe('on the public side', () => {
  it('publishes none of the extra values: no rich text, no table, no form file', async () => {
    const scan = await upload(clients.drafter!, '内部审批单.pdf', PDF);
    const summaryText = '内部讨论：拟优先保障重点对象';
    const { id } = await clients.drafter!.trpc.documents.create.mutate({
      ...draftInput(notice, { title: '公开页不含附加字段', hasStatistics: true }),
      summary: `<p>${summaryText}</p>`,
      approvalScan: [{ id: scan.body.id, name: 'x.pdf' }],
      funds: [{ item: '内部经费科目甲', amount: 7 }],
    });
    const draft = await clients.drafter!.trpc.documents.get.query({ id });
    await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: draft.version });
    await driveThroughReview(clients, id);
    const published = await clients.drafter!.trpc.documents.get.query({ id });
    expect(published.status).toBe('published');
    const page = await (await fetch(`${server.url}/public/documents/${encodeURIComponent(published.indexNumber!)}`)).text();
    const api = await (await fetch(`${server.url}/public/api/documents/${encodeURIComponent(published.indexNumber!)}`)).text();
    for (const text of [page, api]) {
      expect(text).toContain('公开页不含附加字段');
      for (const secret of [summaryText, '内部经费科目甲', '内部审批单', scan.body.id]) expect(text).not.toContain(secret);
    }
    expect((await fetch(`${server.url}/public/attachments/${scan.body.id}`)).status).toBe(404);
    expect((await apiClient(server.url).fetch(`/api/form-files/${scan.body.id}`)).status).toBe(401);
    // Staff who may view the document may download it, others may not.
    expect((await clients.publisher!.fetch(`/api/form-files/${scan.body.id}`)).status).toBe(200);
    expect((await clients.drafter2!.fetch(`/api/form-files/${scan.body.id}`)).status).toBe(404);
  });
});

describe('opinion form of a review step', () => {
  const withOpinionForm = (form: string) => ({
    ...releaseReviewDefinition,
    steps: releaseReviewDefinition.steps.map((s) => (s.id === 'legality_review' ? { ...s, opinionForm: form } : s)),
  });

  it('refuses a workflow naming a missing form or a drafting form', async () => {
    await clients.admin!.trpc.forms.publish.mutate({ definition: legalityOpinion });
    expect((await failure(clients.admin!.trpc.workflows.publish.mutate({ definition: withOpinionForm('no_such_form') }))).message).toContain('审查意见表「no_such_form」不存在');
    expect((await failure(clients.admin!.trpc.workflows.publish.mutate({ definition: withOpinionForm('draft_document') }))).message).toContain('是起草表单，不是审查意见表');
    const onFiling = { ...releaseReviewDefinition, steps: releaseReviewDefinition.steps.map((s) => (s.id === 'filing' ? { ...s, opinionForm: 'legality_opinion' } : s)) };
    expect((await failure(clients.admin!.trpc.workflows.publish.mutate({ definition: onFiling }))).message).toContain('只有审查、审批、审定和会签步骤可以设置审查意见表');
    // A form keeps its purpose: an opinion form cannot become a drafting form, nor the reverse.
    expect((await failure(clients.admin!.trpc.forms.publish.mutate({ definition: { ...legalityOpinion, purpose: undefined, fields: draftDocumentForm.fields } }))).message).toBe('该表单是审查意见表，不能改为起草表单');
    // Nor can a category be bound to it.
    const settings = await clients.admin!.trpc.catalogAdmin.settings.query();
    expect(settings.formKeys).not.toContain('legality_opinion');
  });

  it('is required and validated at that step; a refusal changes nothing; the filled form shows in history', async () => {
    expect(await clients.admin!.trpc.workflows.publish.mutate({ definition: withOpinionForm('legality_opinion') })).toMatchObject({ version: 2 });
    const { id } = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '合法性意见表测试' }));
    const draft = await clients.drafter!.trpc.documents.get.query({ id });
    await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: draft.version });

    const atLegal = await clients.legal!.trpc.documents.get.query({ id });
    expect(atLegal.currentStep.id).toBe('legality_review');
    expect(atLegal.opinionForm).toMatchObject({ key: 'legality_opinion', version: 1 });
    const target = { documentId: id, expectedVersion: atLegal.version, taskId: atLegal.openTask!.id };
    const before = { audit: await auditCount(), reviews: (await db().select().from(reviewRecords).where(eq(reviewRecords.documentId, id))).length };

    const missing = await failure(clients.legal!.trpc.review.approve.mutate({ ...target, opinion: '同意', checks: ALL_CHECKS }));
    expect(missing).toMatchObject({ code: 'BAD_REQUEST', message: '请选择「合法性审查结论」' });
    const needsBasis = await failure(clients.legal!.trpc.review.approve.mutate({ ...target, opinion: '同意', checks: ALL_CHECKS, opinionForm: { conclusion: 'amend' } }));
    expect(needsBasis.message).toBe('请填写「依据」');
    // 加签在我之后 is the reviewer's own approval: it asks for the form too.
    const { addSigners } = await clients.legal!.trpc.review.colleagues.query({ documentId: id });
    expect(addSigners.length).toBeGreaterThan(0);
    const viaSigner = await failure(clients.legal!.trpc.review.addSigner.mutate({ ...target, userId: addSigners[0]!.id, position: 'after', opinion: '', checks: ALL_CHECKS }));
    expect(viaSigner).toMatchObject({ code: 'BAD_REQUEST', message: '请选择「合法性审查结论」' });
    const badOption = await failure(clients.legal!.trpc.review.return.mutate({ ...target, opinion: '退回', target: 'draft', opinionForm: { conclusion: 'whatever' } }));
    expect(badOption.message).toBe('「合法性审查结论」的选项无效');
    const unchanged = await clients.legal!.trpc.documents.get.query({ id });
    expect(unchanged.version).toBe(atLegal.version);
    expect(unchanged.currentStep.id).toBe('legality_review');
    expect(await auditCount()).toBe(before.audit);
    expect((await db().select().from(reviewRecords).where(eq(reviewRecords.documentId, id))).length).toBe(before.reviews);

    await clients.legal!.trpc.review.approve.mutate({ ...target, opinion: '同意发布', checks: ALL_CHECKS, opinionForm: { conclusion: 'amend', basis: '《政府信息公开条例》第二十条', extra: 'ignored' } });
    const [record] = (await db().select().from(reviewRecords).where(eq(reviewRecords.documentId, id))).filter((r) => r.step === 'legality_review');
    expect(record?.opinionForm).toEqual({ key: 'legality_opinion', version: 1, values: { conclusion: 'amend', basis: '《政府信息公开条例》第二十条' } });

    const after = await clients.drafter!.trpc.documents.get.query({ id });
    expect(after.currentStep.id).toBe('secrecy_review');
    const entry = after.history.find((h) => h.action === 'review.approve' && h.fromState === 'legality_review');
    expect(entry?.form).toEqual({
      title: label('合法性审查意见', 'Legality opinion'),
      fields: [
        { key: 'conclusion', type: 'select', label: label('合法性审查结论', 'Conclusion'), text: label('修改后合法', 'Lawful once amended') },
        { key: 'basis', type: 'textarea', label: label('依据', 'Basis'), text: label('《政府信息公开条例》第二十条') },
      ],
    });
    // The next step names no form: nothing is asked, the driver's plain approval goes through.
    expect((await clients.secrecy!.trpc.documents.get.query({ id })).opinionForm).toBeNull();
    expect(await actOnCurrentStep(clients, id)).toBe('secrecy_review');
  });
});
