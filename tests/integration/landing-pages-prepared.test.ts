/**
 * What every signed-in page load asks (the inbox's batch: 我的待办, the unread badge that polls
 * every minute, the validity changes waiting; a drafter's 我的起草; the notifications page; the
 * deadline board) runs queries prepared once per database (server/db/prepared.ts, issue 6):
 * a second call builds no drizzle query, and the prepared reads say what the database says.
 * A real libsql file and the real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { builtQueries } from '../support/built-queries';

const builds = builtQueries();
let server: TestServer;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'legal', 'publisher']);
  // A submission notifies the legality reviewers, so the badge and the list have something to count.
  const { id, version } = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '首页查询预备文件' }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: version });
});
afterAll(async () => {
  builds.restore();
  await server.close();
});

describe('the landing pages on prepared queries', () => {
  it('build no query on a second call, and answer from the database', async () => {
    const { legal, drafter, publisher } = clients;
    const calls = {
      'auth.me': () => legal!.trpc.auth.me.query(),
      'notifications.unreadCount': () => legal!.trpc.notifications.unreadCount.query(),
      'review.inbox': () => legal!.trpc.review.inbox.query(),
      'validity.pending': () => legal!.trpc.validity.pending.query(),
      'documents.mine': () => drafter!.trpc.documents.mine.query(),
      'notifications.list': () => legal!.trpc.notifications.list.query(),
      'deadlines.board': () => publisher!.trpc.deadlines.board.query(),
    };
    for (const call of Object.values(calls)) await call();
    const builtBy: Record<string, string[]> = {};
    for (const [name, call] of Object.entries(calls)) builtBy[name] = await builds.during(call);
    expect(builtBy).toEqual(Object.fromEntries(Object.keys(calls).map((name) => [name, []])));

    const { client } = server.services.database;
    const one = async (sql: string, args: string[]) => Number((await client.execute({ sql, args })).rows[0]!.n);
    const legalId = (await legal!.trpc.auth.me.query())!.id;
    const drafterId = (await drafter!.trpc.auth.me.query())!.id;
    expect(await legal!.trpc.notifications.unreadCount.query()).toBe(await one('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL', [legalId]));
    expect(await legal!.trpc.notifications.unreadCount.query()).toBeGreaterThan(0);
    const list = await legal!.trpc.notifications.list.query();
    expect(list.items.length).toBe(Math.min(50, await one('SELECT count(*) AS n FROM notifications WHERE user_id = ?', [legalId])));
    const mine = await drafter!.trpc.documents.mine.query();
    expect(mine.length).toBe(Math.min(500, await one('SELECT count(*) AS n FROM documents WHERE drafter_id = ?', [drafterId])));
    expect(mine[0]!.title).toBe('首页查询预备文件');
  });
});
