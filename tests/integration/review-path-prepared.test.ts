/**
 * Every statement a review step runs is prepared once per database (server/db/prepared.ts):
 * building a drizzle query walks its whole expression tree, and on the review path that was
 * most of a publication's CPU (issue 6). So no step of the default flow, publication included,
 * may build a query once the first document has been through it. And the prepared forms must
 * do what the built ones did: redactions confirmed at the secrecy review, index numbers in
 * sequence, the channels told. A real libsql file and the real HTTP server.
 *
 * Nor may a read bind 'open' for `tasks.status`: partial indexes restrict that column by the
 * literal, and SQLite compiles a statement again on every call when its planner compared a
 * bound parameter with such a literal (server/db/prepared.ts, `literal`).
 */
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { ACTOR_FOR_STEP, ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput, partialOverrides } from '../support/draft-input';
import { statementsOf } from '../support/statement-recorder';
import { builtQueries } from '../support/built-queries';

const builds = builtQueries();

let server: TestServer;
let clients: Clients;
let notice: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'legal', 'secrecy', 'leader', 'publisher']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(async () => {
  builds.restore();
  await server.close();
});

/** Takes one document through review; returns the SQL of the queries the review steps built. */
async function review(title: string, overrides = {}): Promise<string[]> {
  const { id, version } = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title, ...overrides }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: version });
  const seen: string[] = [];
  for (let i = 0; i < 12; i++) {
    const doc = await clients.drafter!.trpc.documents.get.query({ id });
    if (doc.status === 'published') return seen;
    const client = clients[ACTOR_FOR_STEP[doc.currentStep.id]!]!;
    const { openTask, version: expectedVersion } = await client.trpc.documents.get.query({ id });
    const target = { documentId: id, expectedVersion, taskId: openTask!.id };
    const built = await builds.during(() =>
      doc.currentStep.id === 'publication' ? client.trpc.publication.publish.mutate(target) : client.trpc.review.approve.mutate({ ...target, opinion: '同意', checks: ALL_CHECKS }),
    );
    seen.push(...built.map((sql) => `${doc.currentStep.id}: ${sql}`));
  }
  throw new Error('review did not finish');
}

describe('the review path and 我的待办: prepared statements on open-task indexes', () => {
  it('builds no query in any step of a second document, open or with redactions', async () => {
    // The first of each kind prepares what its steps need.
    await review('预备公开文件');
    await review('预备删减文件', partialOverrides());
    expect(await review('第二份公开文件')).toEqual([]);
    expect(await review('第二份删减文件', partialOverrides())).toEqual([]);
  });

  it('still confirms the redactions, numbers publications in sequence and tells the channels', async () => {
    const rows = async (sql: string) => (await server.services.database.client.execute(sql)).rows.map((r) => ({ ...r }));
    // The demo bureau's own published documents are left out (they were numbered at seeding).
    const published = await rows("SELECT title, index_number FROM documents WHERE status = 'published' AND title LIKE '%文件' ORDER BY published_at, index_number");
    expect(published.map((d) => d.title)).toEqual(['预备公开文件', '预备删减文件', '第二份公开文件', '第二份删减文件']);
    const numbers = published.map((d) => String(d.index_number));
    // One prefix (agency code and year), and consecutive numbers.
    const prefix = numbers[0]!.replace(/\d{5}$/, '');
    const first = Number(numbers[0]!.slice(-5));
    expect(numbers).toEqual([0, 1, 2, 3].map((k) => `${prefix}${String(first + k).padStart(5, '0')}`));
    const redactions = await rows("SELECT d.title, u.username FROM redactions r JOIN documents d ON d.id = r.document_id LEFT JOIN users u ON u.id = r.confirmed_by WHERE d.title LIKE '%删减文件' ORDER BY d.title");
    expect(redactions).toEqual([{ title: '第二份删减文件', username: 'secrecy' }, { title: '预备删减文件', username: 'secrecy' }]);
    // The portal's webhook rows and the public catalog come from the publication's own statements.
    const catalog = await fetch(`${server.url}/public`).then((r) => r.text());
    for (const title of ['第二份公开文件', '第二份删减文件']) expect(catalog).toContain(title);
  });

  it("reads open tasks with the literal, not a bound 'open' (no recompile per call)", async () => {
    const binds = (statements: { sql: string; args: unknown }[]) =>
      statements.filter(({ sql, args }) => /^\s*(select|update|delete)/i.test(sql) && Array.isArray(args) && args.includes('open')).map(({ sql }) => sql);
    const review = await statementsOf(server, async () => {
      const { id, version } = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '绑定参数检查文件' }));
      await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: version });
      const { openTask, version: expectedVersion } = await clients.legal!.trpc.documents.get.query({ id });
      await clients.legal!.trpc.review.approve.mutate({ documentId: id, expectedVersion, taskId: openTask!.id, opinion: '同意', checks: ALL_CHECKS });
    });
    const inbox = await statementsOf(server, () => clients.secrecy!.trpc.review.inbox.query());
    expect(review.length).toBeGreaterThan(5);
    expect(inbox.some(({ sql }) => /from "tasks"/.test(sql))).toBe(true);
    expect(binds([...review, ...inbox])).toEqual([]);
  });

  it("reads 我的待办 on the open tasks' partial indexes, a role's pool in created order without a sort", async () => {
    const inbox = await statementsOf(server, () => clients.legal!.trpc.review.inbox.query());
    const explainer = createClient({ url: server.databaseUrl });
    try {
      const plans: string[] = [];
      for (const { sql, args } of inbox.filter(({ sql }) => /from "tasks"/.test(sql))) {
        plans.push((await explainer.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: args as never })).rows.map((r) => String(r.detail)).join(' | '));
      }
      // The tasks assigned to the user (few: sorted), then one role's pool walked newest first.
      expect(plans).toHaveLength(2);
      expect(plans[0]).toMatch(/^SEARCH tasks USING INDEX tasks_open_assignee_due \(assignee_id=\?\)/);
      expect(plans[1]).toMatch(/^SEARCH tasks USING INDEX tasks_open_role_created \(role=\?\)/);
      expect(plans[1]).not.toMatch(/TEMP B-TREE/);
    } finally {
      explainer.close();
    }
  });
});
