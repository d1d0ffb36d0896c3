import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { apiClient, failure, signedIn } from '../support/api-client';
import { ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { createUser } from '../../server/seed/user-admin';
import { auditLog, departments, documents, tasks } from '../../server/db/schema/index';

let server: TestServer;
let clients: Clients;
let categoryIdValue: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'legal', 'secrecy']);
  categoryIdValue = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

/** Row counts of the tables a refused call must leave alone. */
async function tableCounts() {
  const { db } = server.services.database;
  const [a] = await db.select({ n: count() }).from(auditLog);
  const [d] = await db.select({ n: count() }).from(documents);
  const [t] = await db.select({ n: count() }).from(tasks);
  return { audit: a!.n, documents: d!.n, tasks: t!.n };
}

describe('bad input and safety', () => {
  it('rejects invalid drafting input with a Chinese message and writes nothing', async () => {
    const before = await tableCounts();
    const missingTitle = await failure(clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '' })));
    expect(missingTitle.code).toBe('BAD_REQUEST');
    expect(missingTitle.message).toMatch(/标题/);
    const noGround = await failure(clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { attribute: 'non_public', attributeReason: '内部事务', channels: [] })));
    expect(noGround.code).toBe('BAD_REQUEST');
    expect(noGround.message).toMatch(/[\u4e00-\u9fa5]/);
    const noRedaction = await failure(clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { attribute: 'partial', redactions: [] })));
    expect(noRedaction.code).toBe('BAD_REQUEST');
    const badCategory = await failure(clients.drafter!.trpc.documents.create.mutate(draftInput('no-such-category')));
    expect(badCategory.code).toBe('BAD_REQUEST');
    expect(badCategory.message).toBe('所选主题分类不存在');
    expect(await tableCounts()).toEqual(before);
  });

  it('requires sign-in and the drafter role to draft', async () => {
    const anonymous = apiClient(server.url);
    expect((await failure(anonymous.trpc.documents.create.mutate(draftInput(categoryIdValue)))).code).toBe('UNAUTHORIZED');
    expect((await failure(anonymous.trpc.review.inbox.query())).code).toBe('UNAUTHORIZED');
    expect((await failure(clients.legal!.trpc.documents.create.mutate(draftInput(categoryIdValue)))).code).toBe('FORBIDDEN');
  });

  it('never lets a reviewer act on a document they drafted', async () => {
    const [dept] = await server.services.database.db.select().from(departments).limit(1);
    await createUser(server.services, { username: 'legal-drafter', displayName: '法规科兼起草', password: TEST_PASSWORD, roles: ['drafter', 'legal'], departmentCode: dept!.code });
    const both = await signedIn(server.url, 'legal-drafter');
    const created = await both.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '自审测试' }));
    await both.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const doc = await both.trpc.documents.get.query({ id: created.id });
    expect(doc.can.approve).toBe(false);
    expect((await both.trpc.review.inbox.query()).some((t) => t.documentId === created.id)).toBe(false);
    const legalDoc = await clients.legal!.trpc.documents.get.query({ id: created.id });
    const before = await tableCounts();
    const refusal = await failure(both.trpc.review.approve.mutate({ documentId: created.id, expectedVersion: doc.version, taskId: legalDoc.openTask!.id, opinion: '', checks: ALL_CHECKS }));
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.message).toBe('不能审查、签发本人起草的文件');
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a stale action (the document moved on) and changes nothing', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '过期操作测试' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const seen = await clients.legal!.trpc.documents.get.query({ id: created.id });
    const target = { documentId: created.id, expectedVersion: seen.version, taskId: seen.openTask!.id };
    await clients.legal!.trpc.review.approve.mutate({ ...target, opinion: '同意', checks: ALL_CHECKS });
    const before = await tableCounts();
    const again = await failure(clients.legal!.trpc.review.approve.mutate({ ...target, opinion: '同意', checks: ALL_CHECKS }));
    expect(again.code).toBe('CONFLICT');
    const returnStale = await failure(clients.legal!.trpc.review.return.mutate({ ...target, opinion: '退回', target: 'draft' }));
    expect(returnStale.code).toBe('CONFLICT');
    expect(await tableCounts()).toEqual(before);
  });

  it('lets exactly one of 100 simultaneous approvals of one task win', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '并发审批测试' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const seen = await clients.legal!.trpc.documents.get.query({ id: created.id });
    // Ten signed-in reviewers' browsers, ten attempts each, all in flight at once.
    const sessions = await Promise.all(Array.from({ length: 10 }, () => signedIn(server.url, 'legal')));
    const target = { documentId: created.id, expectedVersion: seen.version, taskId: seen.openTask!.id, opinion: '同意', checks: ALL_CHECKS };
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => sessions[i % sessions.length]!.trpc.review.approve.mutate(target)));
    expect(results).toHaveLength(100);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(losers.every((r) => /已被他人处理|已流转/.test(String(r.reason.message)))).toBe(true);
    const doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(doc.currentStep.id).toBe('secrecy_review');
    expect(doc.history.filter((h) => h.action === 'review.approve')).toHaveLength(1);
    expect(doc.reviews.filter((r) => r.decision === 'approve')).toHaveLength(1);
  });

  it('lets the drafter recall a submission only while nobody has acted on it', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '撤回测试' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    let doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(doc.can.recall).toBe(true);
    await clients.drafter!.trpc.review.recall.mutate({ documentId: created.id, expectedVersion: doc.version });
    doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(doc.status).toBe('draft');
    expect(doc.can.edit).toBe(true);
    expect((await clients.legal!.trpc.review.inbox.query()).some((t) => t.documentId === created.id)).toBe(false);
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: doc.version });
    const atLegal = await clients.legal!.trpc.documents.get.query({ id: created.id });
    await clients.legal!.trpc.review.approve.mutate({ documentId: created.id, expectedVersion: atLegal.version, taskId: atLegal.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(doc.can.recall).toBe(false);
    expect((await failure(clients.drafter!.trpc.review.recall.mutate({ documentId: created.id, expectedVersion: doc.version }))).code).toBe('FORBIDDEN');
  });

  it('lets the leader reject (不予通过) with a reason, which ends the document', async () => {
    const leader = await signedIn(server.url, 'leader');
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '不予通过测试' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    for (const reviewer of [clients.legal!, clients.secrecy!]) {
      const view = await reviewer.trpc.documents.get.query({ id: created.id });
      expect(view.can.reject).toBe(false);
      await reviewer.trpc.review.approve.mutate({ documentId: created.id, expectedVersion: view.version, taskId: view.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    }
    const view = await leader.trpc.documents.get.query({ id: created.id });
    expect(view.can.reject).toBe(true);
    expect((await failure(leader.trpc.review.reject.mutate({ documentId: created.id, expectedVersion: view.version, taskId: view.openTask!.id, opinion: '' }))).code).toBe('BAD_REQUEST');
    await leader.trpc.review.reject.mutate({ documentId: created.id, expectedVersion: view.version, taskId: view.openTask!.id, opinion: '与现行政策冲突，不予发布' });
    const after = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(after.status).toBe('rejected');
    expect(after.can).toMatchObject({ edit: false, submit: false, approve: false });
    expect(after.history.at(-1)).toMatchObject({ action: 'review.reject', detail: { opinion: '与现行政策冲突，不予发布' } });
  });

  it('refuses a reviewer of another step', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '越权审批测试' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const seen = await clients.legal!.trpc.documents.get.query({ id: created.id });
    const refusal = await failure(clients.secrecy!.trpc.review.approve.mutate({ documentId: created.id, expectedVersion: seen.version, taskId: seen.openTask!.id, opinion: '', checks: ALL_CHECKS }));
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refusal.code);
  });
});

describe('sessions', () => {
  it('rejects a wrong password with a Chinese message', async () => {
    const refusal = await failure(apiClient(server.url).trpc.auth.login.mutate({ username: 'drafter', password: 'wrong-password' }));
    expect(refusal.code).toBe('UNAUTHORIZED');
    expect(refusal.message).toBe('用户名或密码错误');
  });

  it('sets an HttpOnly SameSite cookie holding a token whose hash, not the token, is stored', async () => {
    const response = await fetch(`${server.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'drafter', password: TEST_PASSWORD }),
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const token = setCookie.split(';')[0]!.split('=')[1]!;
    const rows = await server.services.database.client.execute({ sql: 'SELECT count(*) AS n FROM sessions WHERE id = ?', args: [token] });
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const client = await signedIn(server.url, 'drafter');
    const cookie = client.cookie;
    expect((await client.trpc.auth.me.query())?.username).toBe('drafter');
    await client.trpc.auth.logout.mutate();
    const replay = apiClient(server.url);
    replay.cookie = cookie;
    expect(await replay.trpc.auth.me.query()).toBeNull();
    expect((await failure(replay.trpc.review.inbox.query())).code).toBe('UNAUTHORIZED');
  });

  it('answers /healthz with JSON, and /readyz once every migration has run', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { ready: boolean; migrations: { applied: number; shipped: number } };
    expect(body.ready).toBe(true);
    expect(body.migrations.applied).toBe(body.migrations.shipped);
    expect(body.migrations.shipped).toBeGreaterThan(0);
  });
});

describe('the five checks (五关)', () => {
  it('refuses an approval that does not confirm all five checks, and records them when it does', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title: '五关测试' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const seen = await clients.legal!.trpc.documents.get.query({ id: created.id });
    const target = { documentId: created.id, expectedVersion: seen.version, taskId: seen.openTask!.id, opinion: '同意' };
    const before = await tableCounts();
    const refusal = await failure(clients.legal!.trpc.review.approve.mutate({ ...target, checks: { ...ALL_CHECKS, secrecy: false } }));
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.message).toContain('保密关');
    expect(await tableCounts()).toEqual(before);
    await clients.legal!.trpc.review.approve.mutate({ ...target, checks: ALL_CHECKS });
    const doc = await clients.drafter!.trpc.documents.get.query({ id: created.id });
    expect(doc.reviews.find((r) => r.step === 'legality_review')?.checks).toEqual(ALL_CHECKS);
  });
});
