import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseReviewDefinition, type WorkflowDefinition } from '../../workflows/index';
import { categoryId, draftInput } from '../support/draft-input';
import { ALL_CHECKS, driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { startTestServer, type TestServer } from '../support/test-server';
import { countersignedLegality } from '../support/workflow-variants';

/**
 * A host may embed Shenfa twice in one process (createShenfa for two bureaus, each on its own
 * database). Each bureau's admin publishes its own version 2 of release-review: the same key
 * and version, different steps. Each document must follow its own bureau's version 2; the
 * process used to cache the machine by key and version alone, so the second bureau's first
 * step failed with a server error.
 */

/** The other bureau's version 2: the shipped steps under its own name. */
const renamed: WorkflowDefinition = { ...releaseReviewDefinition, name: { zh: '发布审查（本局）', en: 'Release review (this bureau)' } };

const bureaus: { server: TestServer; clients: Clients }[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const server = await startTestServer();
    bureaus.push({ server, clients: await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']) });
  }
});
afterAll(async () => {
  for (const { server } of bureaus) await server.close();
});

async function submitted(clients: Clients, title: string): Promise<string> {
  const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  return created.id;
}
async function approveAs(clients: Clients, username: string, documentId: string): Promise<void> {
  const doc = await clients[username]!.trpc.documents.get.query({ id: documentId });
  await clients[username]!.trpc.review.approve.mutate({ documentId, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '同意', checks: ALL_CHECKS });
}
const statsHasTask = async (clients: Clients, documentId: string) => (await clients.stats!.trpc.review.inbox.query()).some((t) => t.documentId === documentId);

describe('two bureaus served by one process', () => {
  it('each follows its own version 2 of the same workflow key', async () => {
    const [a, b] = bureaus as [(typeof bureaus)[0], (typeof bureaus)[0]];
    expect(await a.clients.admin!.trpc.workflows.publish.mutate({ definition: { ...countersignedLegality, version: 2 } })).toEqual({ version: 2 });
    expect(await b.clients.admin!.trpc.workflows.publish.mutate({ definition: { ...renamed, version: 2 } })).toEqual({ version: 2 });

    // Bureau A's legality review is a 会签: statistics holds a task of it. Bureau B's is not.
    const inA = await submitted(a.clients, '两局同进程：甲局通知');
    const inB = await submitted(b.clients, '两局同进程：乙局通知');
    expect(await statsHasTask(a.clients, inA)).toBe(true);
    expect(await statsHasTask(b.clients, inB)).toBe(false);
    // A's legality review waits for both seats; then each document goes on to publication.
    await approveAs(a.clients, 'legal', inA);
    expect((await a.clients.drafter!.trpc.documents.get.query({ id: inA })).currentStep.id).toBe('legality_review');
    await approveAs(a.clients, 'stats', inA);
    expect(await driveThroughReview(a.clients, inA)).toEqual(['secrecy_review', 'leader_signoff', 'filing', 'publication']);
    expect(await driveThroughReview(b.clients, inB)).toEqual(['legality_review', 'secrecy_review', 'leader_signoff', 'filing', 'publication']);
    for (const [clients, id] of [[a.clients, inA], [b.clients, inB]] as const) {
      expect((await clients.drafter!.trpc.documents.get.query({ id })).status).toBe('published');
    }
    // Bureau A, asked again after B, still countersigns.
    expect(await statsHasTask(a.clients, await submitted(a.clients, '两局同进程：甲局第二份'))).toBe(true);
  });
});
