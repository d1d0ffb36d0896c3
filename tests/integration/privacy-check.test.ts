import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure } from '../support/api-client';
import { ALL_CHECKS, driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { BODY, categoryId, draftInput, partialOverrides } from '../support/draft-input';

let server: TestServer;
let clients: Clients;
let categoryIdValue: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'legal', 'secrecy', 'leader', 'publisher']);
  categoryIdValue = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

const LEAKY = `${BODY}\n\n咨询电话：13912345678（王科长），邮箱wangke@example.com，户主身份证号码11010519491231002X。`;

async function submittedToSecrecy(title: string, body = LEAKY) {
  const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title, body }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  const atLegal = await clients.legal!.trpc.documents.get.query({ id: created.id });
  await clients.legal!.trpc.review.approve.mutate({ documentId: created.id, expectedVersion: atLegal.version, taskId: atLegal.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
  return created.id;
}

describe('privacy pre-check before publication', () => {
  it('shows the hits to the secrecy reviewer and blocks approval until each is masked or justified', async () => {
    const id = await submittedToSecrecy('隐私检查-遮盖与说明');
    let doc = await clients.secrecy!.trpc.documents.get.query({ id });
    expect(doc.can.resolvePrivacy).toBe(true);
    expect(doc.privacyHits.map((h) => h.kind)).toEqual(['mobile', 'email', 'resident_id']);
    const blocked = await failure(clients.secrecy!.trpc.review.approve.mutate({ documentId: id, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '同意', checks: ALL_CHECKS }));
    expect(blocked.code).toBe('BAD_REQUEST');
    expect(blocked.message).toContain('3 处疑似未脱敏个人信息');

    const [mobile, email, idNumber] = doc.privacyHits;
    await clients.secrecy!.trpc.review.justifyPrivacy.mutate({ documentId: id, expectedVersion: doc.version, start: mobile!.start, text: mobile!.text, note: '科室公开的咨询电话' });
    doc = await clients.secrecy!.trpc.documents.get.query({ id });
    await clients.secrecy!.trpc.review.maskPrivacy.mutate({ documentId: id, expectedVersion: doc.version, start: email!.start, text: email!.text });
    doc = await clients.secrecy!.trpc.documents.get.query({ id });
    await clients.secrecy!.trpc.review.maskPrivacy.mutate({ documentId: id, expectedVersion: doc.version, start: idNumber!.start, text: idNumber!.text });
    doc = await clients.secrecy!.trpc.documents.get.query({ id });
    expect(doc.body).toContain('w*****@example.com');
    expect(doc.body).toContain('1101**********002X');
    expect(doc.body).not.toContain('11010519491231002X');
    expect(doc.privacyHits.map((h) => [h.kind, h.justification])).toEqual([['mobile', '科室公开的咨询电话']]);

    await clients.secrecy!.trpc.review.approve.mutate({ documentId: id, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '已脱敏', checks: ALL_CHECKS });
    await driveThroughReview(clients, id);
    const published = await clients.drafter!.trpc.documents.get.query({ id });
    const html = await (await fetch(`${server.url}/public/documents/${encodeURIComponent(published.indexNumber!)}`)).text();
    expect(html).toContain('1101**********002X');
    expect(html).not.toContain('11010519491231002X');
    const audit = await server.services.database.client.execute({ sql: "SELECT detail FROM audit_log WHERE document_id = ? AND action LIKE 'privacy.%'", args: [id] });
    expect(audit.rows).toHaveLength(3);
    expect(JSON.stringify(audit.rows)).not.toContain('11010519491231002X');
  });

  it('lets only the secrecy reviewer holding the task resolve hits', async () => {
    const id = await submittedToSecrecy('隐私检查-权限');
    const doc = await clients.secrecy!.trpc.documents.get.query({ id });
    const hit = doc.privacyHits[0]!;
    expect((await failure(clients.legal!.trpc.review.maskPrivacy.mutate({ documentId: id, expectedVersion: doc.version, start: hit.start, text: hit.text }))).code).toBe('FORBIDDEN');
    expect((await failure(clients.drafter!.trpc.review.justifyPrivacy.mutate({ documentId: id, expectedVersion: doc.version, start: hit.start, text: hit.text, note: '保留' }))).code).toBe('FORBIDDEN');
    const stale = await failure(clients.secrecy!.trpc.review.maskPrivacy.mutate({ documentId: id, expectedVersion: doc.version - 1, start: hit.start, text: hit.text }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('has the secrecy reviewer confirm or change redactions; publication needs them confirmed', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '删减确认', ...partialOverrides() }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const atLegal = await clients.legal!.trpc.documents.get.query({ id: created.id });
    expect(atLegal.can.reviseRedactions).toBe(false);
    await clients.legal!.trpc.review.approve.mutate({ documentId: created.id, expectedVersion: atLegal.version, taskId: atLegal.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    let doc = await clients.secrecy!.trpc.documents.get.query({ id: created.id });
    expect(doc.can.reviseRedactions).toBe(true);
    expect(doc.redactions.every((r) => r.confirmedBy === null)).toBe(true);
    const bad = await failure(clients.secrecy!.trpc.review.reviseRedactions.mutate({ documentId: created.id, expectedVersion: doc.version, redactions: [{ start: 0, end: 99999, ground: 'state_secret', reason: '越界' }] }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('超出');
    const r = doc.redactions[0]!;
    await clients.secrecy!.trpc.review.reviseRedactions.mutate({ documentId: created.id, expectedVersion: doc.version, redactions: [{ start: r.start, end: r.end, ground: 'third_party_rights', reason: '涉及个人隐私（姓名、身份证号、电话）' }] });
    doc = await clients.secrecy!.trpc.documents.get.query({ id: created.id });
    expect(doc.redactions[0]!.confirmedBy).not.toBeNull();
    expect(doc.redactions[0]!.reason).toContain('电话');
    await driveThroughReview(clients, created.id);
    expect((await clients.drafter!.trpc.documents.get.query({ id: created.id })).status).toBe('published');
  });

  it('warns the legality reviewer when a category the law requires to publish is marked non-public', async () => {
    const policyCategory = await categoryId(clients.drafter!, 'policy');
    const created = await clients.drafter!.trpc.documents.create.mutate(
      draftInput(policyCategory, { title: '规范性文件不公开', attribute: 'non_public', legalGround: 'process_information', attributeReason: '仍在讨论', channels: [] }),
    );
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const doc = await clients.legal!.trpc.documents.get.query({ id: created.id });
    expect(doc.warnings).toEqual(['category_requires_disclosure']);
  });
});
