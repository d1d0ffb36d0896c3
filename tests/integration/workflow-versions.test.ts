import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, documents, tasks, workflowDefinitions } from '../../server/db/schema/index';
import { releaseReviewDefinition } from '../../workflows/index';
import { failure } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { actOnCurrentStep, ALL_CHECKS, driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { startTestServer, type TestServer } from '../support/test-server';
import { countersignedLegality } from '../support/workflow-variants';

let server: TestServer;
let clients: Clients;
let notice: string;

/** Version 2: no statistics step; legality review becomes a 会签 of the legal and statistics sections. */
const v2 = countersignedLegality;
const withoutSecrecy = {
  ...releaseReviewDefinition,
  steps: releaseReviewDefinition.steps.filter((s) => s.id !== 'secrecy_review').map((s) => ({ ...s, returnTargets: s.returnTargets?.filter((t) => t !== 'secrecy_review') })),
};

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

const db = () => server.services.database.db;
const storedVersions = async () => (await db().select().from(workflowDefinitions).where(eq(workflowDefinitions.key, 'release-review'))).length;
const pinnedVersion = async (id: string) => (await db().select({ v: documents.workflowVersion }).from(documents).where(eq(documents.id, id)))[0]!.v;

async function draftDoc(title: string, overrides: Parameters<typeof draftInput>[1] = {}) {
  return clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title, ...overrides }));
}
async function submitted(title: string, overrides: Parameters<typeof draftInput>[1] = {}) {
  const created = await draftDoc(title, overrides);
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  return created.id;
}
const stepOf = async (id: string) => (await clients.drafter!.trpc.documents.get.query({ id })).currentStep.id;

describe('workflow definition versions', () => {
  it('ships release-review version 1 and lists it', async () => {
    const list = await clients.admin!.trpc.workflows.list.query();
    // The demo bureau's documents in review are in flight on version 1.
    const inFlight = (await db().select({ status: documents.status }).from(documents)).filter((d) => ['draft', 'returned', 'in_review', 'awaiting_publication'].includes(d.status)).length;
    expect(inFlight).toBeGreaterThan(0);
    // The request flow ships as a definition too (version 1, seeded by migration).
    expect(list.map((w) => w.key)).toEqual(['info-request', 'release-review']);
    expect(list.find((w) => w.key === 'release-review')).toEqual({ key: 'release-review', flow: 'review', name: releaseReviewDefinition.name, latestVersion: 1, versions: [{ version: 1, publishedAt: 0, publishedBy: null, inFlight }] });
    expect(await clients.admin!.trpc.workflows.get.query({ key: 'release-review' })).toEqual({ key: 'release-review', version: 1, definition: releaseReviewDefinition });
  });

  it('validates a draft without throwing, with Chinese messages naming the step', async () => {
    const { issues } = await clients.admin!.trpc.workflows.validate.mutate({ definition: withoutSecrecy });
    expect(issues.map((i) => [i.stepId, i.code])).toEqual([['publication', 'missing_check']]);
    expect(issues[0]!.message.zh).toMatch(/^步骤「发布」（publication）：文件可以在最后一次修改内容后未经保密审查即到达发布/);
    expect((await clients.admin!.trpc.workflows.validate.mutate({ definition: { key: 1 } })).issues.length).toBeGreaterThan(0);
    // A signer named by person must be an active user: only the server can tell.
    const named = { ...releaseReviewDefinition, steps: releaseReviewDefinition.steps.map((s) => (s.id === 'leader_signoff' ? { ...s, signers: [{ role: 'leader' as const }, { userId: 'no-such-user' }] } : s)) };
    const { issues: unknown } = await clients.admin!.trpc.workflows.validate.mutate({ definition: named });
    expect(unknown).toEqual([{ stepId: 'leader_signoff', path: ['steps', 4, 'signers', 1], code: 'unknown_user', message: { zh: '步骤「分管领导审批」（leader_signoff）：指定的人员「no-such-user」不存在或已停用', en: "step 'leader_signoff': the named signer 'no-such-user' is not an active user" } }]);
    expect((await failure(clients.admin!.trpc.workflows.publish.mutate({ definition: named }))).message).toContain('不存在或已停用');
  });

  it('refuses an invalid definition on the server, even posted by hand past the editor, and stores nothing', async () => {
    const auditBefore = (await db().select().from(auditLog)).length;
    const response = await clients.admin!.fetch('/api/trpc/workflows.publish', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ definition: withoutSecrecy, notes: '绕过编辑器' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^流程定义未通过校验，不能发布：\n1\. 步骤「发布」（publication）：.*未经保密审查/);
    const garbage = await failure(clients.admin!.trpc.workflows.publish.mutate({ definition: { ...releaseReviewDefinition, steps: [] } }));
    expect(garbage.code).toBe('BAD_REQUEST');
    expect(garbage.message).toMatch(/「步骤」至少需要 1 项/);
    expect(await storedVersions()).toBe(1);
    expect((await db().select().from(auditLog)).length).toBe(auditBefore);
  });

  it('keeps in-flight documents on their version; new documents start on the latest; a migration moves exactly the previewed ones', async () => {
    const inFlightBefore = (await clients.admin!.trpc.workflows.list.query()).find((w) => w.key === 'release-review')!.versions[0]!.inFlight;
    const atLegality = await submitted('迁移测试：合法性审查中');
    const atStats = await submitted('迁移测试：统计口径审查中', { hasStatistics: true });
    const atSecrecy = await submitted('迁移测试：保密审查中');
    await actOnCurrentStep(clients, atSecrecy);
    const inDraft = (await draftDoc('迁移测试：起草中')).id;

    expect(await clients.admin!.trpc.workflows.publish.mutate({ definition: { ...v2, version: 99 }, notes: '合法性审查改为会签' })).toEqual({ version: 2 });
    const [publishAudit] = await db().select().from(auditLog).where(eq(auditLog.action, 'workflow.publish'));
    expect(publishAudit).toMatchObject({ toState: 'release-review@2', detail: JSON.stringify({ key: 'release-review', version: 2, notes: '合法性审查改为会签' }) });
    expect((await clients.admin!.trpc.workflows.get.query({ key: 'release-review' })).definition.steps.map((s) => s.id)).not.toContain('stats_review');
    const versions = (await clients.admin!.trpc.workflows.list.query()).find((w) => w.key === 'release-review')!.versions;
    expect(versions.map((v) => [v.version, v.inFlight, v.publishedBy])).toEqual([[2, 0, '周晓明'], [1, inFlightBefore + 4, null]]);

    // A new document follows version 2: its legality review is a 会签 with a task for statistics.
    const fresh = await submitted('迁移测试：新版本文件');
    expect(await pinnedVersion(fresh)).toBe(2);
    expect((await clients.stats!.trpc.review.inbox.query()).some((t) => t.documentId === fresh)).toBe(true);
    // The old ones stay on version 1: the legal reviewer alone moves the document on.
    expect(await pinnedVersion(atLegality)).toBe(1);
    expect((await clients.stats!.trpc.review.inbox.query()).some((t) => t.documentId === atLegality)).toBe(false);

    const input = { key: 'release-review', fromVersion: 1, toVersion: 2, mapping: {} };
    const preview = await clients.admin!.trpc.workflows.migrationPreview.query(input);
    const mine = new Set([atLegality, atStats, atSecrecy, inDraft]);
    // The demo bureau's documents are in the plan too: only ours are checked here.
    expect(preview.moves.filter((m) => mine.has(m.documentId)).map((m) => [m.documentId, m.fromStep, m.toStep])).toEqual([
      [atLegality, 'legality_review', 'legality_review'],
      [atSecrecy, 'secrecy_review', 'secrecy_review'],
      [inDraft, 'draft', 'draft'],
    ]);
    expect(preview.refused.filter((r) => mine.has(r.documentId))).toEqual([{ documentId: atStats, title: '迁移测试：统计口径审查中', fromStep: 'stats_review', reason: { zh: '新版本没有步骤「统计口径审查」，且未指定对应步骤', en: "the new version lacks 'stats_review' and no mapping names a step for it" } }]);
    // Mapping the statistics step straight to publication would skip the reviews.
    const skipping = await clients.admin!.trpc.workflows.migrationPreview.query({ ...input, mapping: { stats_review: 'publication' } });
    expect(skipping.refused.find((r) => r.documentId === atStats)!.reason.zh).toBe('迁移到「发布」会跳过尚未完成的合法性审查、保密审查、领导签批');

    // A stale preview (one document fewer than now movable) is refused and changes nothing.
    const stale = await failure(clients.admin!.trpc.workflows.migrate.mutate({ ...input, expectedDocumentIds: preview.moves.map((m) => m.documentId).filter((id) => id !== inDraft) }));
    expect(stale).toEqual({ code: 'CONFLICT', message: '可迁移的文件已发生变化，请重新预览后再迁移' });
    expect(await pinnedVersion(atLegality)).toBe(1);

    const moved = await clients.admin!.trpc.workflows.migrate.mutate({ ...input, expectedDocumentIds: preview.moves.map((m) => m.documentId) });
    expect(moved).toEqual({ moved: preview.moves.length });
    for (const id of [atLegality, atSecrecy, inDraft]) expect(await pinnedVersion(id)).toBe(2);
    expect(await pinnedVersion(atStats)).toBe(1);
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'workflow.migrate'));
    expect(audits).toHaveLength(preview.moves.length);
    expect(audits.filter((a) => mine.has(a.documentId!)).map((a) => [a.documentId, a.fromState, a.toState]).sort()).toEqual(
      [[atLegality, 'legality_review', 'legality_review'], [atSecrecy, 'secrecy_review', 'secrecy_review'], [inDraft, 'draft', 'draft']].sort(),
    );
    // The migrated 会签 opened the statistics seat next to the legal one.
    const open = await db().select({ seatId: tasks.seatId }).from(tasks).where(and(eq(tasks.documentId, atLegality), eq(tasks.status, 'open')));
    expect(open.map((t) => t.seatId).sort()).toEqual(['legality_review#0', 'legality_review#1']);
    expect((await clients.stats!.trpc.review.inbox.query()).some((t) => t.documentId === atLegality)).toBe(true);

    // Both keep working on their own versions to the end.
    expect(await driveThroughReview(clients, atStats)).toEqual(['stats_review', 'legality_review', 'secrecy_review', 'leader_signoff', 'filing', 'publication']);
    expect((await clients.drafter!.trpc.documents.get.query({ id: atStats })).status).toBe('published');
    await actOnCurrentStep(clients, atLegality);
    expect(await stepOf(atLegality)).toBe('legality_review');
    const statsView = await clients.stats!.trpc.documents.get.query({ id: atLegality });
    await clients.stats!.trpc.review.approve.mutate({ documentId: atLegality, expectedVersion: statsView.version, taskId: statsView.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    expect(await stepOf(atLegality)).toBe('secrecy_review');
  });

  it('shows a document its path on its pinned definition', async () => {
    const id = await submitted('路径测试');
    await actOnCurrentStep(clients, id);
    // One seat of the 会签 approved: still at the legality review, visited once.
    const midway = await clients.drafter!.trpc.workflows.documentPath.query({ documentId: id });
    expect([midway.currentStep, midway.visitedSteps]).toEqual(['legality_review', ['draft', 'legality_review']]);
    const statsView = await clients.stats!.trpc.documents.get.query({ id });
    await clients.stats!.trpc.review.approve.mutate({ documentId: id, expectedVersion: statsView.version, taskId: statsView.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    const path = await clients.drafter!.trpc.workflows.documentPath.query({ documentId: id });
    expect(path.currentStep).toBe('secrecy_review');
    expect(path.visitedSteps).toEqual(['draft', 'legality_review', 'secrecy_review']);
    expect(path.definition.version).toBe(2);
    // The graph's words for condition names, the installed plugin's included (the registry is admin-only).
    expect(path.guardLabels).toMatchObject({ hasStatistics: { zh: '含统计数据' }, noSensitiveWords: { zh: '不含敏感词' } });
    expect((await failure(clients.publisher!.trpc.workflows.documentPath.query({ documentId: id }))).code).toBe('NOT_FOUND');
  });

  it('never changes or deletes a stored version', async () => {
    const { client } = server.services.database;
    await expect(client.execute("UPDATE workflow_definitions SET notes = 'x' WHERE key = 'release-review' AND version = 1")).rejects.toThrow(/SHENFA_WORKFLOW_VERSION_IMMUTABLE/);
    await expect(client.execute("DELETE FROM workflow_definitions WHERE key = 'release-review'")).rejects.toThrow(/SHENFA_WORKFLOW_VERSION_IMMUTABLE/);
  });
});
