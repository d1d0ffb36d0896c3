import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installSensitiveWords, NO_SENSITIVE_WORDS } from '../../workflows/plugins/sensitive-words';
import { defaultRegistry, registerGuard, releaseReviewDefinition } from '../../workflows/index';
import { failure } from '../support/api-client';
import { BODY, categoryId, draftInput } from '../support/draft-input';
import { ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let clients: Clients;
let notice: string;

beforeAll(async () => {
  server = await startTestServer();
  // What SHENFA_SENSITIVE_WORDS would configure for a real server.
  installSensitiveWords(['内部资料', '征求意见稿']);
  clients = await signInAll(server.url, ['admin', 'drafter', 'legal']);
  notice = await categoryId(clients.drafter!, 'notice');
  // Version 2: the legality review may not pass a text holding a listed word.
  const definition = { ...releaseReviewDefinition, steps: releaseReviewDefinition.steps.map((s) => (s.id === 'legality_review' ? { ...s, requires: [NO_SENSITIVE_WORDS] } : s)) };
  expect(await clients.admin!.trpc.workflows.publish.mutate({ definition, notes: '合法性审查前检查敏感词' })).toEqual({ version: 2 });
});
afterAll(() => server.close());

async function atLegality(body: string) {
  const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '敏感词检查测试', body }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  return clients.legal!.trpc.documents.get.query({ id: created.id });
}

describe('a workflow plugin guard (noSensitiveWords) in a published version', () => {
  it('refuses the approval of a text with a listed word, changing nothing, and lets a clean one pass', async () => {
    const dirty = await atLegality(`${BODY}\n\n（本件为内部资料，注意保存）`);
    expect(dirty.can.approve).toBe(true);
    const refused = await failure(clients.legal!.trpc.review.approve.mutate({ documentId: dirty.id, expectedVersion: dirty.version, taskId: dirty.openTask!.id, opinion: '同意', checks: ALL_CHECKS }));
    expect(refused).toEqual({ code: 'BAD_REQUEST', message: '文件未通过本环节要求的自动检查（如敏感词检查），请退回修改后再办理' });
    const after = await clients.legal!.trpc.documents.get.query({ id: dirty.id });
    expect([after.currentStep.id, after.version]).toEqual(['legality_review', dirty.version]);

    const clean = await atLegality(BODY);
    await clients.legal!.trpc.review.approve.mutate({ documentId: clean.id, expectedVersion: clean.version, taskId: clean.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    expect((await clients.drafter!.trpc.documents.get.query({ id: clean.id })).currentStep.id).toBe('secrecy_review');
  });

  it('gives a plugin condition on a later step the text of the approval that reaches it', async () => {
    // The server loads a document's text for an approval only when its definition names a
    // plugin guard: this one reads the text as a `when`, evaluated as the approval moves on.
    registerGuard('mentionsBudget', (_context, event) => (event?.type === 'APPROVE' ? (event.document?.body.includes('预算') ?? false) : false), defaultRegistry, {
      label: { zh: '涉及预算', en: 'Mentions the budget' },
      use: 'condition',
    });
    const legality = releaseReviewDefinition.steps.findIndex((s) => s.id === 'legality_review');
    const budgetCheck = { ...releaseReviewDefinition.steps[legality]!, id: 'budget_check', label: { zh: '预算审核', en: 'Budget check' }, when: { guard: 'mentionsBudget' } };
    const steps = [...releaseReviewDefinition.steps.slice(0, legality + 1), budgetCheck, ...releaseReviewDefinition.steps.slice(legality + 1)];
    expect(await clients.admin!.trpc.workflows.publish.mutate({ definition: { ...releaseReviewDefinition, steps }, notes: '涉及预算的文件加一道预算审核' })).toEqual({ version: 3 });

    const approveAtLegality = async (body: string) => {
      const doc = await atLegality(body);
      await clients.legal!.trpc.review.approve.mutate({ documentId: doc.id, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
      return (await clients.drafter!.trpc.documents.get.query({ id: doc.id })).currentStep.id;
    };
    expect(await approveAtLegality(`${BODY}\n\n本项目所需经费列入年度部门预算。`)).toBe('budget_check');
    expect(await approveAtLegality(BODY)).toBe('secrecy_review');
  });
});
