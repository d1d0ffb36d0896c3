import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { failure, signedIn } from '../support/api-client';
import { ALL_CHECKS, driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { createUser } from '../../server/seed/user-admin';
import { publishWorkflow } from '../../server/services/workflow-admin-service';
import { releaseReviewDefinition } from '../../workflows/index';

let server: TestServer;
let clients: Clients;
let categoryIdValue: string;

beforeAll(async () => {
  server = await startTestServer();
  await createUser(server.services, { username: 'legal2', displayName: '法规科二', password: TEST_PASSWORD, roles: ['legal'], departmentCode: 'legal' });
  // Version 2 of the flow: legality review becomes a countersign (会签) of the legal and statistics sections.
  await publishWorkflow(server.services, null, { definition: {
    ...releaseReviewDefinition,
    version: 2,
    steps: releaseReviewDefinition.steps.map((s) =>
      s.id === 'legality_review' ? { ...s, kind: 'countersign' as const, signers: [{ role: 'legal' as const }, { role: 'stats' as const }], mode: 'all' as const } : s,
    ),
  } });
  clients = await signInAll(server.url, ['drafter', 'stats', 'legal', 'legal2', 'secrecy', 'leader', 'publisher']);
  categoryIdValue = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

async function submitted(title: string) {
  const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(categoryIdValue, { title }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  return created.id;
}

describe('countersign, transfer and added signers', () => {
  it('needs every seat of a countersign, shows progress, and gives each seat its own task', async () => {
    const id = await submitted('会签测试');
    const legalView = await clients.legal!.trpc.documents.get.query({ id });
    expect(legalView.seats.map((s) => [s.label, s.approvedByName])).toEqual([['合法性审查', null], ['统计口径审查', null]]);
    expect((await clients.stats!.trpc.review.inbox.query()).some((t) => t.documentId === id)).toBe(true);
    await clients.legal!.trpc.review.approve.mutate({ documentId: id, expectedVersion: legalView.version, taskId: legalView.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    const afterLegal = await clients.stats!.trpc.documents.get.query({ id });
    expect(afterLegal.currentStep.id).toBe('legality_review');
    expect(afterLegal.seats[0]!.approvedByName).toBeTruthy();
    expect(afterLegal.seats[1]!.approvedByName).toBeNull();
    // The same person can never fill a second seat of the step.
    expect((await clients.legal!.trpc.review.inbox.query()).some((t) => t.documentId === id)).toBe(false);
    await clients.stats!.trpc.review.approve.mutate({ documentId: id, expectedVersion: afterLegal.version, taskId: afterLegal.openTask!.id, opinion: '数据口径一致', checks: ALL_CHECKS });
    expect((await clients.drafter!.trpc.documents.get.query({ id })).currentStep.id).toBe('secrecy_review');
    await driveThroughReview(clients, id);
    expect((await clients.drafter!.trpc.documents.get.query({ id })).status).toBe('published');
  });

  it('transfers a task to a colleague with the same role; only the colleague can then act', async () => {
    const id = await submitted('转办测试');
    const view = await clients.legal!.trpc.documents.get.query({ id });
    expect(view.can.transfer).toBe(true);
    const { transferTo } = await clients.legal!.trpc.review.colleagues.query({ documentId: id });
    const colleague = transferTo.find((p) => p.name === '法规科二')!;
    expect(transferTo.some((p) => p.roles.includes('stats') && !p.roles.includes('legal'))).toBe(false);
    const secrecyUser = (await clients.legal!.trpc.review.colleagues.query({ documentId: id })).addSigners.find((p) => p.roles.includes('secrecy'))!;
    expect((await failure(clients.legal!.trpc.review.transfer.mutate({ documentId: id, expectedVersion: view.version, taskId: view.openTask!.id, toUserId: secrecyUser.id, opinion: '' }))).code).toBe('BAD_REQUEST');
    await clients.legal!.trpc.review.transfer.mutate({ documentId: id, expectedVersion: view.version, taskId: view.openTask!.id, toUserId: colleague.id, opinion: '请二科办理' });
    expect((await clients.legal!.trpc.review.inbox.query()).some((t) => t.documentId === id)).toBe(false);
    const theirs = await clients.legal2!.trpc.documents.get.query({ id });
    expect(theirs.openTask).not.toBeNull();
    await clients.legal2!.trpc.review.approve.mutate({ documentId: id, expectedVersion: theirs.version, taskId: theirs.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    const history = (await clients.drafter!.trpc.documents.get.query({ id })).history.map((h) => h.action);
    expect(history).toContain('review.transfer');
  });

  it('adds a signer before oneself: they sign first, then the task comes back', async () => {
    const id = await submitted('加签测试');
    let view = await clients.legal!.trpc.documents.get.query({ id });
    const { addSigners } = await clients.legal!.trpc.review.colleagues.query({ documentId: id });
    const leader = addSigners.find((p) => p.roles.includes('leader') && p.name)!;
    await clients.legal!.trpc.review.addSigner.mutate({ documentId: id, expectedVersion: view.version, taskId: view.openTask!.id, userId: leader.id, position: 'before', opinion: '涉及重大政策，请领导先行把关' });
    view = await clients.legal!.trpc.documents.get.query({ id });
    expect(view.openTask).toBeNull();
    const leaderClient = leader.name === '赵建平' ? clients.leader! : await signedIn(server.url, 'director');
    const leaderView = await leaderClient.trpc.documents.get.query({ id });
    expect(leaderView.openTask).not.toBeNull();
    await leaderClient.trpc.review.approve.mutate({ documentId: id, expectedVersion: leaderView.version, taskId: leaderView.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    view = await clients.legal!.trpc.documents.get.query({ id });
    expect(view.currentStep.id).toBe('legality_review');
    expect(view.openTask).not.toBeNull();
  });
});
