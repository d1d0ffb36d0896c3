import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure } from '../support/api-client';
import { signInAll, driveThroughReview, type Clients } from '../support/review-driver';
import { BODY, SECRET_PASSAGE, categoryId, draftInput, partialOverrides } from '../support/draft-input';

let server: TestServer;
let clients: Clients;
let categoryIdValue: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'drafter2', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  categoryIdValue = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

async function draftAndSubmit(overrides: Parameters<typeof draftInput>[1]) {
  const { id, version } = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, overrides));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: version });
  return id;
}

async function publicHtml(path: string) {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, html: await response.text() };
}

describe('one document from draft to the public catalog', () => {
  it('publishes an open document after legality, secrecy and leader review, with an index number', async () => {
    const id = await draftAndSubmit({ title: '开放文件-路径测试' });
    const steps = await driveThroughReview(clients, id);
    expect(steps).toEqual(['legality_review', 'secrecy_review', 'leader_signoff', 'filing', 'publication']);
    const doc = await clients.drafter!.trpc.documents.get.query({ id });
    expect(doc.status).toBe('published');
    expect(doc.indexNumber).toMatch(/\/2026-\d{5}$/);
    const list = await publicHtml('/public');
    expect(list.html).toContain('开放文件-路径测试');
    const page = await publicHtml(`/public/documents/${encodeURIComponent(doc.indexNumber!)}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('城市低保标准由每人每月860元提高到每人每月900元');
  });

  it('runs the statistics review and the party-committee decision only when flagged', async () => {
    const id = await draftAndSubmit({ title: '含统计的重大事项', hasStatistics: true, isMajorMatter: true });
    const steps = await driveThroughReview(clients, id);
    expect(steps).toEqual(['stats_review', 'legality_review', 'secrecy_review', 'leader_signoff', 'committee_decision', 'filing', 'publication']);
  });

  it('publishes a partial document without the redacted passage, showing the reason instead', async () => {
    const id = await draftAndSubmit({ title: '删减后公开-路径测试', ...partialOverrides() });
    const secrecyView = await clients.legal!.trpc.documents.get.query({ id });
    expect(secrecyView.redactions).toHaveLength(1);
    await driveThroughReview(clients, id);
    const doc = await clients.drafter!.trpc.documents.get.query({ id });
    const page = await publicHtml(`/public/documents/${encodeURIComponent(doc.indexNumber!)}`);
    expect(page.html).toContain('删减后公开-路径测试');
    expect(page.html).toContain('（此处依法删除：保护第三方合法权益）');
    // The drafter's own explanation stays internal: it may describe what was removed.
    expect(page.html).not.toContain('涉及个人隐私');
    expect(page.html).not.toContain('11010519491231002X');
    expect(page.html).not.toContain('13812345678');
    expect(page.html).not.toContain('张某某');
    expect(page.html).toContain('三、各县（区）民政部门');
  });

  it.each([
    ['on_request' as const, { attributeReason: '仅涉及特定申请人，依申请提供', channels: [] }],
    ['non_public' as const, { attributeReason: '属于内部人事安排', legalGround: 'internal_affairs' as const, channels: [] }],
  ])('ends a %s document after review, never published', async (attribute, extra) => {
    const marker = `不公开内容标记-${attribute}`;
    const id = await draftAndSubmit({ title: `不发布-${attribute}`, attribute, ...extra, body: `${BODY}\n\n${marker}` });
    const steps = await driveThroughReview(clients, id);
    expect(steps).toEqual(['legality_review', 'secrecy_review', 'leader_signoff']);
    const doc = await clients.drafter!.trpc.documents.get.query({ id });
    expect(doc.status).toBe('concluded');
    expect(doc.indexNumber).toBeNull();
    const list = await publicHtml('/public');
    expect(list.html).not.toContain(`不发布-${attribute}`);
    expect(list.html).not.toContain(marker);
    // There is no publication task to act on: the publisher has no standing on it at all.
    const refusal = await failure(clients.publisher!.trpc.publication.publish.mutate({ documentId: id, expectedVersion: doc.version, taskId: 'none' }));
    expect(refusal.code).toBe('FORBIDDEN');
  });

  it('returns to the drafter with an opinion; after editing, every step runs again', async () => {
    const id = await draftAndSubmit({ title: '退回修改测试' });
    let doc = await clients.legal!.trpc.documents.get.query({ id });
    await clients.legal!.trpc.review.approve.mutate({ documentId: id, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '同意', checks: { political: true, legal: true, policy: true, secrecy: true, wording: true } });
    doc = await clients.secrecy!.trpc.documents.get.query({ id });
    await clients.secrecy!.trpc.review.return.mutate({ documentId: id, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '第二段涉及个人信息，请删减后再报', target: 'draft' });
    const returned = await clients.drafter!.trpc.documents.get.query({ id });
    expect(returned.status).toBe('returned');
    expect(returned.can.edit).toBe(true);
    expect(returned.history.some((h) => h.action === 'review.return' && JSON.stringify(h.detail).includes('请删减后再报'))).toBe(true);
    const inbox = await clients.drafter!.trpc.review.inbox.query();
    expect(inbox.some((t) => t.documentId === id)).toBe(true);
    const edited = await clients.drafter!.trpc.documents.update.mutate({ id, expectedVersion: returned.version, data: draftInput(categoryIdValue, { title: '退回修改测试（修改稿）', ...partialOverrides() }) });
    await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: edited.version });
    const steps = await driveThroughReview(clients, id);
    expect(steps).toEqual(['legality_review', 'secrecy_review', 'leader_signoff', 'filing', 'publication']);
  });

  it('withdraws a published document, which then leaves the catalog', async () => {
    const id = await draftAndSubmit({ title: '撤稿测试文件' });
    await driveThroughReview(clients, id);
    const doc = await clients.publisher!.trpc.documents.get.query({ id });
    expect(doc.can.withdrawPublication).toBe(true);
    await clients.publisher!.trpc.publication.withdraw.mutate({ documentId: id, expectedVersion: doc.version, reason: '政策调整，撤回原稿' });
    const after = await clients.drafter!.trpc.documents.get.query({ id });
    expect(after.status).toBe('withdrawn');
    expect((await publicHtml('/public')).html).not.toContain('撤稿测试文件');
    expect((await publicHtml(`/public/documents/${encodeURIComponent(doc.indexNumber!)}`)).status).toBe(404);
  });

  it('lists the document with its current step in 我的起草 and as a task in the reviewer inbox', async () => {
    const id = await draftAndSubmit({ title: '待办列表测试' });
    const mine = await clients.drafter!.trpc.documents.mine.query();
    expect(mine.find((d) => d.id === id)?.stepLabel).toEqual({ zh: '合法性审查', en: 'Legality review' });
    const legalInbox = await clients.legal!.trpc.review.inbox.query();
    expect(legalInbox.find((t) => t.documentId === id)?.stepLabel).toEqual({ zh: '合法性审查', en: 'Legality review' });
    const secrecyInbox = await clients.secrecy!.trpc.review.inbox.query();
    expect(secrecyInbox.some((t) => t.documentId === id)).toBe(false);
  });

  it('keeps the secret passage in the partial body only for people with a part in the review', async () => {
    const id = await draftAndSubmit({ title: '访问控制测试', ...partialOverrides() });
    const forLegal = await clients.legal!.trpc.documents.get.query({ id });
    expect(forLegal.body).toContain(SECRET_PASSAGE);
    expect((await failure(clients.drafter2!.trpc.documents.get.query({ id }))).code).toBe('NOT_FOUND');
    expect((await failure(clients.secrecy!.trpc.documents.get.query({ id }))).code).toBe('NOT_FOUND');
  });
});
