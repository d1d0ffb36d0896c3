/**
 * The staff document page (documents.get) runs queries prepared once per database
 * (server/db/prepared.ts): every reviewer opens the document before acting, and building its
 * dozen drizzle queries per view made the page cost twice an approval's CPU (issue 6). Once a
 * first document has been viewed by each kind of viewer, viewing a second builds no query. A
 * real libsql file and the real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput, partialOverrides } from '../support/draft-input';
import { builtQueries } from '../support/built-queries';

const builds = builtQueries();
let server: TestServer;
let clients: Clients;
let notice: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'legal', 'secrecy', 'publisher']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(async () => {
  builds.restore();
  await server.close();
});

/** A submitted document, approved at legality so that it has a review record and sits at the secrecy review. */
async function atSecrecyReview(title: string, overrides = {}): Promise<string> {
  const { id, version } = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title, ...overrides }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: version });
  const { openTask, version: expectedVersion } = await clients.legal!.trpc.documents.get.query({ id });
  await clients.legal!.trpc.review.approve.mutate({ documentId: id, expectedVersion, taskId: openTask!.id, opinion: '同意', checks: ALL_CHECKS });
  return id;
}

/** The page as the drafter, the reviewer who acted, and the reviewer holding the task see it. */
async function viewAll(id: string) {
  return Promise.all(['drafter', 'legal', 'secrecy'].map((who) => clients[who]!.trpc.documents.get.query({ id })));
}

describe('the document page on prepared queries', () => {
  it('builds no query for a second document once each kind of viewer has seen a first', async () => {
    await viewAll(await atSecrecyReview('预备查看文件'));
    await viewAll(await atSecrecyReview('预备查看删减文件', partialOverrides()));
    const published = String((await server.services.database.client.execute("SELECT id FROM documents WHERE status = 'published' ORDER BY published_at DESC LIMIT 2")).rows.map((r) => r.id)[0]);
    await clients.publisher!.trpc.documents.get.query({ id: published });

    const open = await atSecrecyReview('第二份查看文件');
    const partial = await atSecrecyReview('第二份查看删减文件', partialOverrides());
    const otherPublished = String((await server.services.database.client.execute("SELECT id FROM documents WHERE status = 'published' ORDER BY published_at DESC LIMIT 1 OFFSET 1")).rows[0]!.id);
    let views: Awaited<ReturnType<typeof viewAll>> = [];
    const built = await builds.during(async () => {
      views = [...(await viewAll(open)), ...(await viewAll(partial))];
      await clients.publisher!.trpc.documents.get.query({ id: otherPublished });
    });
    expect(built).toEqual([]);

    // What the prepared reads give: the secrecy reviewer holds the task; the history has the
    // submission and the approval, and so do the review records.
    const [asDrafter, asLegal, asSecrecy] = views;
    expect(asSecrecy!.openTask).not.toBeNull();
    expect(asSecrecy!.can.approve).toBe(true);
    expect(asLegal!.can.approve).toBe(false);
    expect(asDrafter!.history.map((h) => h.action)).toEqual(['document.created', 'review.submit', 'review.approve']);
    expect(asDrafter!.reviews.map((r) => [r.step, r.decision])).toEqual([['draft', 'submit'], ['legality_review', 'approve']]);
    expect(asDrafter!.drafter.name).not.toBe('');
    expect(views[4]!.redactions.length).toBeGreaterThan(0);
  });
});
