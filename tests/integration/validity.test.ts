import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure } from '../support/api-client';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';

let server: TestServer;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'drafter2', 'legal', 'secrecy', 'leader', 'publisher']);
});
afterAll(() => server.close());

describe('validity after publication (有效性)', () => {
  it('repeals a published policy through its own small review; the catalog shows it', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'policy'), { title: '有效性测试-规范性文件' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    await driveThroughReview(clients, created.id);
    let doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(doc.validity).toBe('in_force');
    expect(doc.can.proposeValidity).toBe(true);
    expect((await failure(clients.drafter2!.trpc.validity.propose.mutate({ documentId: created.id, expectedVersion: doc.version, validity: 'repealed', reason: '越权' }))).code).toBe('FORBIDDEN');

    const { id: changeId } = await clients.drafter!.trpc.validity.propose.mutate({ documentId: created.id, expectedVersion: doc.version, validity: 'repealed', reason: '已被清民规〔2026〕3号替代' });
    doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(doc.pendingValidityChange?.proposedValidity).toBe('repealed');
    expect((await failure(clients.drafter!.trpc.validity.propose.mutate({ documentId: created.id, expectedVersion: doc.version, validity: 'expired', reason: '再提' }))).code).toBe('CONFLICT');
    const pending = await clients.legal!.trpc.validity.pending.query();
    expect(pending.map((p) => p.id)).toContain(changeId);
    const page = `/public/documents/${encodeURIComponent(doc.indexNumber!)}`;
    expect(await (await fetch(`${server.url}${page}`)).text()).toContain('有效');

    await clients.legal!.trpc.validity.decide.mutate({ changeId, approve: true, opinion: '同意废止' });
    expect((await failure(clients.legal!.trpc.validity.decide.mutate({ changeId, approve: false, opinion: '' }))).code).toBe('CONFLICT');
    expect((await clients.drafter!.trpc.documents.get.query({ id: created.id })).validity).toBe('repealed');
    expect(await (await fetch(`${server.url}${page}`)).text()).toContain('废止');
    const audit = await server.services.database.client.execute({ sql: "SELECT action FROM audit_log WHERE document_id = ? AND action LIKE 'validity.%' ORDER BY seq", args: [created.id] });
    expect(audit.rows.map((r) => r.action)).toEqual(['validity.proposed', 'validity.approved']);
  });

  it('refuses a decision by anyone but a legality reviewer', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '有效性测试-拒绝' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    await driveThroughReview(clients, created.id);
    const doc = await clients.publisher!.trpc.documents.get.query({ id: created.id });
    const { id: changeId } = await clients.publisher!.trpc.validity.propose.mutate({ documentId: created.id, expectedVersion: doc.version, validity: 'expired', reason: '活动已结束' });
    expect((await failure(clients.publisher!.trpc.validity.decide.mutate({ changeId, approve: true, opinion: '' }))).code).toBe('FORBIDDEN');
    await clients.legal!.trpc.validity.decide.mutate({ changeId, approve: false, opinion: '仍在执行期内' });
    expect((await clients.drafter!.trpc.documents.get.query({ id: created.id })).validity).toBe('in_force');
  });
});
