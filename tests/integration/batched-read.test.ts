/**
 * The reads every request of a kind makes with its own key (the session behind a cookie, the
 * document a reviewer acts on and its tasks) run as one statement for all the keys asked in
 * the same turn of the event loop while other requests are in progress
 * (server/db/batched-read.ts), and each caller still gets exactly its own rows; a request alone
 * reads its key at once. A real libsql file and the real HTTP server.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchedRead, requestInProgress } from '../../server/db/batched-read';
import { tasks, users } from '../../server/db/schema/index';
import { performReviewAction } from '../../server/services/review-service';
import { signIn, validateSessionToken } from '../../server/services/session-service';
import { loadSessionUser } from '../../server/services/users';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { statementsOf } from '../support/statement-recorder';

let server: TestServer;
let clients: Clients;
let notice: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter']);
  notice = await categoryId(clients.drafter!, 'notice');
});
afterAll(() => server.close());

const db = () => server.services.database.db;
const statementsOn = (seen: { sql: string }[], table: string) => seen.filter((s) => new RegExp(`^select .* from "${table}"`, 'i').test(s.sql));
const batched = (statement: { sql: string }) => statement.sql.includes('json_each');

/** Runs `work` while two other requests are in progress, as under load. */
async function underLoad<T>(work: () => Promise<T>): Promise<T> {
  const others = [requestInProgress(), requestInProgress()];
  try {
    return await work();
  } finally {
    for (const ended of others) ended();
  }
}

/** A submitted document waiting at the legality review, with its open task. */
async function submitted(title: string) {
  const { id, version } = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title }));
  const after = await clients.drafter!.trpc.review.submit.mutate({ documentId: id, expectedVersion: version });
  const [task] = await db().select().from(tasks).where(eq(tasks.documentId, id));
  return { documentId: id, expectedVersion: after.version, taskId: task!.id };
}

describe('reads in batches', () => {
  it('reads the sessions of requests that arrive together in one statement, each with its own user', async () => {
    const names = ['drafter', 'legal', 'secrecy', 'leader'];
    const tokens = await Promise.all(names.map(async (name) => (await signIn(server.services, name, TEST_PASSWORD)).token));
    let found: Awaited<ReturnType<typeof validateSessionToken>>[] = [];
    const seen = await statementsOf(server, () =>
      underLoad(async () => {
        found = await Promise.all([...tokens, 'no-such-token', tokens[1]!].map((token) => validateSessionToken(server.services, token)));
      }),
    );
    expect(statementsOn(seen, 'sessions')).toHaveLength(1);
    expect(statementsOn(seen, 'sessions').every(batched)).toBe(true);
    expect(found.map((s) => s?.user.username ?? null)).toEqual([...names, null, 'legal']);
    // The same session twice in one turn: equal users, not one object the two requests share.
    expect(found[5]!.user).toStrictEqual(found[1]!.user);
    expect(found[5]!.user).not.toBe(found[1]!.user);
    expect(found[1]!.user.roles).toEqual(['legal']);
  });

  it('reads the documents and tasks of review steps taken together in one statement each, and each step lands on its own document', async () => {
    const targets = [await submitted('批量读取一'), await submitted('批量读取二'), await submitted('批量读取三')];
    const [legal] = await db().select({ id: users.id }).from(users).where(eq(users.username, 'legal'));
    const actor = (await loadSessionUser(db(), legal!.id))!;
    let results: Awaited<ReturnType<typeof performReviewAction>>[] = [];
    const seen = await statementsOf(server, () =>
      underLoad(async () => {
        results = await Promise.all(targets.map((t) => performReviewAction(server.services, actor, { action: 'approve', ...t, opinion: '同意', checks: ALL_CHECKS })));
      }),
    );
    expect(statementsOn(seen, 'documents')).toHaveLength(1);
    expect(statementsOn(seen, 'tasks')).toHaveLength(1);
    expect([...statementsOn(seen, 'documents'), ...statementsOn(seen, 'tasks')].every(batched)).toBe(true);
    expect(results.map((r) => [r.documentId, r.version, r.step])).toEqual(targets.map((t) => [t.documentId, t.expectedVersion + 1, 'secrecy_review']));
    const views = await Promise.all(targets.map((t) => clients.drafter!.trpc.documents.get.query({ id: t.documentId })));
    expect(views.map((v) => v.currentStep.id)).toEqual(['secrecy_review', 'secrecy_review', 'secrecy_review']);
  });

  it('gives every key its rows in the query order, none for a key without rows, and reads anew after a commit', async () => {
    const a = await submitted('批量读取四');
    const b = await submitted('批量读取五');
    const tasksOf = batchedRead(db(), 'test.tasksByDocument', (d, key) => d.select().from(tasks).where(key(tasks.documentId)).orderBy(tasks.documentId, tasks.seatId).prepare(), (t) => t.documentId);
    const [ofA, ofB, ofNone] = await underLoad(() => Promise.all([tasksOf.load(a.documentId), tasksOf.load(b.documentId), tasksOf.load('no-such-document')]));
    expect(ofA.map((t) => t.id)).toEqual([a.taskId]);
    expect(ofB.map((t) => t.id)).toEqual([b.taskId]);
    expect(ofNone).toEqual([]);
    // No cache: a load after a change sees it.
    await db().update(tasks).set({ status: 'cancelled' }).where(eq(tasks.id, a.taskId));
    expect((await underLoad(() => tasksOf.load(a.documentId)))[0]!.status).toBe('cancelled');
  });

  it('fails every load of a batch whose statement fails, and the next batch reads again', async () => {
    let calls = 0;
    const failing = batchedRead(
      db(),
      'test.failsOnce',
      () => ({
        all: async (values: { key: string } | { keys: string }) => {
          calls++;
          if (calls === 1) throw new Error('disk I/O error');
          return (JSON.parse((values as { keys: string }).keys) as string[]).map((key) => ({ key }));
        },
      }),
      (row) => row.key,
    );
    const first = await underLoad(() => Promise.allSettled([failing.load('a'), failing.load('b')]));
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await underLoad(() => Promise.all([failing.load('a'), failing.load('b')]))).toEqual([[{ key: 'a' }], [{ key: 'b' }]]);
    expect(calls).toBe(2);
  });

  it('reads at once, with the one-key statement, for a request alone and for a service called outside HTTP', async () => {
    const target = await submitted('批量读取六');
    const overHttp = await statementsOf(server, () => clients.drafter!.trpc.auth.me.query());
    expect(statementsOn(overHttp, 'sessions')).toHaveLength(1);
    expect(statementsOn(overHttp, 'sessions').some(batched)).toBe(false);
    const [legal] = await db().select({ id: users.id }).from(users).where(eq(users.username, 'legal'));
    const actor = (await loadSessionUser(db(), legal!.id))!;
    const inProcess = await statementsOf(server, () => performReviewAction(server.services, actor, { action: 'approve', ...target, opinion: '同意', checks: ALL_CHECKS }));
    const reads = [...statementsOn(inProcess, 'documents'), ...statementsOn(inProcess, 'tasks')];
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.some(batched)).toBe(false);
  });
});
