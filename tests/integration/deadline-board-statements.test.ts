/**
 * The deadline board's cost must not grow with the data (issue 6): each list reads its index
 * in due order and stops at BOARD_LIMIT, no statement scans one of the large tables or sorts
 * its rows, and the open requests' deadlines are derived again only when info_requests changed
 * (table_changes, kept by triggers), so a view does not read every open request. These tests
 * check plans and statements, not timings (those depend on the machine).
 */
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { statementsOf as recordStatements } from '../support/statement-recorder';
import { planLines } from '../support/query-plans';
import type { ApiClient } from '../support/api-client';
import { actOnCurrentStep, signInAll, type Clients } from '../support/review-driver';
import { applicationFields, testClock } from '../support/apply-form';
import { categoryId, draftInput } from '../support/draft-input';
import { BOARD_LIMIT } from '../../server/services/deadline-board-service';

const cst = (date: string) => Date.parse(`${date}T10:00:00+08:00`);
/** Tables that grow with the bureau's history: the board may only seek into them. */
const LARGE_TABLES = ['documents', 'tasks', 'document_clocks', 'review_records', 'info_requests', 'request_events', 'audit_log'];

const clock = testClock(cst('2026-06-01'));
let server: TestServer;
let office: ApiClient;
let drafter: ApiClient;

/** Every statement the server runs while `work` runs. */
const statementsOf = (work: () => Promise<unknown>) => recordStatements(server, work);

/** Plan lines that scan a large table or sort rows for ORDER BY (the LIMIT could not stop early). */
async function badPlans(statements: { sql: string; args: unknown }[]): Promise<string[]> {
  return (await planLines(server, statements))
    .filter(({ detail }) => {
      const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
      // Allowed: the partial index of open requests (read only after info_requests changed).
      const openRequests = /USING (COVERING )?INDEX info_requests_open_version/.test(detail);
      return (scanned && LARGE_TABLES.includes(scanned) && !openRequests) || /TEMP B-TREE FOR ORDER BY/.test(detail);
    })
    .map(({ detail, sql }) => `${detail} ← ${sql}`);
}

/** Adds more overdue review tasks than the board shows: open tasks on one document, due one day apart from 2026-01-01. */
async function addBacklog(documentId: string) {
  const rows = Array.from({ length: BOARD_LIMIT + 20 }, (_, i) => {
    const due = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return { sql: "INSERT INTO tasks (id, document_id, step, seat_id, role, round, status, created_at, due_date) VALUES (?, ?, 'legality_review', ?, 'legal', 1, 'open', ?, ?)", args: [`board-limit-${i}`, documentId, `board-seat-${i}`, clock.now(), due] };
  });
  await server.services.database.client.batch(rows, 'write');
}

let clients: Clients;
let documentIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ now: clock.now });
  clients = await signInAll(server.url, ['drafter', 'publisher', 'legal', 'secrecy', 'leader']);
  const notice = await categoryId(clients.drafter!, 'notice');
  for (let i = 0; i < 3; i++) {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: `看板语句测试${i + 1}`, writtenAt: '2026-06-01' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    documentIds.push(created.id);
  }
  // The first document past legality, secrecy and the leader's sign-off: now at filing.
  for (let i = 0; i < 3; i++) await actOnCurrentStep(clients, documentIds[0]!);
  for (let i = 0; i < 3; i++) await clients.publisher!.trpc.requests.register.mutate({ form: applicationFields({ description: `看板语句测试申请${i + 1}` }), channel: 'letter', receivedAt: '2026-06-01' });
  // Months on: every task and request above is overdue; sessions have expired.
  clock.set(cst('2026-09-15'));
  clients = await signInAll(server.url, ['drafter', 'publisher', 'legal', 'leader']);
  [office, drafter] = [clients.publisher!, clients.drafter!];
});
afterAll(() => server?.close());

describe('deadline board statements', () => {
  it('links a row to its document for those who acted on it or hold its open task, not for an overseer with no part', async () => {
    const [acted, pending] = documentIds;
    const leader = await clients.leader!.trpc.deadlines.board.query();
    expect(leader.tasks.find((t) => t.documentId === acted)).toMatchObject({ step: 'filing', canView: true });
    expect(leader.tasks.find((t) => t.documentId === pending)).toMatchObject({ step: 'legality_review', canView: false });
    const legal = await clients.legal!.trpc.deadlines.board.query();
    expect(legal.tasks.find((t) => t.documentId === pending)).toMatchObject({ step: 'legality_review', canView: true });
    expect(legal.tasks.find((t) => t.documentId === acted)).toBeUndefined();
    expect((await office.trpc.deadlines.board.query()).tasks.find((t) => t.documentId === pending)).toMatchObject({ canView: false });
  });

  it('shows at most BOARD_LIMIT rows of a list, the most overdue first, and says when there are more', async () => {
    await addBacklog(documentIds[2]!);
    const board = await office.trpc.deadlines.board.query();
    expect(board.tasks).toHaveLength(BOARD_LIMIT);
    const dues = board.tasks.map((t) => t.dueDate!);
    expect(dues).toEqual([...dues].sort());
    expect(dues[0]).toBe('2026-01-01');
    expect(board.tasks.every((t) => t.state === 'overdue')).toBe(true);
    expect(board.requests).toHaveLength(3);
    // It says which lists were cut, rather than counting a backlog it does not list.
    expect(board.limit).toBe(BOARD_LIMIT);
    expect(board.more).toEqual({ tasks: true, documents: false, requests: false });
  });

  it('reads the large tables only through their indexes, in due order, for an overseer and for a section member', async () => {
    const statements = await statementsOf(async () => {
      await office.trpc.deadlines.board.query();
      await drafter.trpc.deadlines.board.query();
      await clients.legal!.trpc.deadlines.board.query();
    });
    expect(statements.some((s) => /"document_clocks"\."running" = 1/.test(s.sql))).toBe(true);
    // A section member's scope, part by part, each on its own index in due order.
    for (const index of ['tasks_open_department_due', 'tasks_open_assignee_due', 'tasks_open_role_due', 'document_clocks_running_department_due']) {
      expect(statements.some((s) => s.sql.includes(`INDEXED BY ${index}`))).toBe(true);
    }
    expect(await badPlans(statements)).toEqual([]);
  });

  it('gives a section member the open tasks of their 科室, assigned to them and of their roles, and their 科室\'s clocks, soonest first', async () => {
    // The drafter's 科室 drafted every document here: all three are in review, so their tasks
    // (legality review) and clocks show; the legal reviewer sees the same tasks by role, but not
    // the drafter's 科室's clocks.
    const mine = await drafter.trpc.deadlines.board.query();
    expect(mine.tasks.filter((t) => t.documentId === documentIds[1]).map((t) => t.step)).toEqual(['legality_review']);
    expect(mine.documents.map((d) => d.documentId).sort()).toEqual([...documentIds].sort());
    const dues = mine.tasks.map((t) => t.dueDate!);
    expect(dues).toEqual([...dues].sort());
    const legal = await clients.legal!.trpc.deadlines.board.query();
    expect(legal.tasks.some((t) => t.documentId === documentIds[1])).toBe(true);
    expect(legal.documents).toEqual([]);
    // The department follows the document (trigger): moved to another 科室, its rows go with it.
    const { client } = server.services.database;
    const other = String((await client.execute({ sql: 'SELECT id FROM departments WHERE id <> (SELECT department_id FROM documents WHERE id = ?) LIMIT 1', args: [documentIds[1]!] })).rows[0]!.id);
    await client.execute({ sql: 'UPDATE documents SET department_id = ?, version = version + 1 WHERE id = ?', args: [other, documentIds[1]!] });
    expect((await client.execute({ sql: 'SELECT DISTINCT department_id FROM tasks WHERE document_id = ? UNION SELECT department_id FROM document_clocks WHERE document_id = ?', args: [documentIds[1]!, documentIds[1]!] })).rows.map((r) => r.department_id)).toEqual([other]);
    const after = await drafter.trpc.deadlines.board.query();
    expect(after.documents.some((d) => d.documentId === documentIds[1])).toBe(false);
    // Every task carries its document's 科室: the review path writes it, the trigger fills it for an insert that leaves it out.
    expect((await client.execute('SELECT count(*) AS n FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.department_id IS NOT d.department_id')).rows[0]!.n).toBe(0);
    const task = (await client.execute({ sql: 'SELECT * FROM tasks WHERE document_id = ? LIMIT 1', args: [documentIds[1]!] })).rows[0]!;
    await client.execute({
      sql: "INSERT INTO tasks (id, document_id, step, seat_id, role, assignee_id, round, status, created_at, due_date, due_provisional) VALUES ('left-out', ?, ?, 'seat#left-out', ?, NULL, ?, 'done', 0, NULL, 0)",
      args: [documentIds[1]!, String(task.step), String(task.role), Number(task.round)],
    });
    expect((await client.execute("SELECT department_id FROM tasks WHERE id = 'left-out'")).rows[0]!.department_id).toBe(other);
    await client.execute("DELETE FROM tasks WHERE id = 'left-out'");
  });

  it('reads no request rows while info_requests is unchanged, and sees a change made by another process', async () => {
    const before = await office.trpc.deadlines.board.query();
    const repeat = await statementsOf(() => office.trpc.deadlines.board.query());
    expect(repeat.filter((s) => /from "info_requests"/i.test(s.sql)).map((s) => s.sql)).toEqual([]);
    expect(repeat.some((s) => /table_changes/.test(s.sql))).toBe(true);

    // Another process closes a request: the counter moves with its write, and the next view drops it.
    const closed = before.requests[0]!;
    const other = createClient({ url: server.databaseUrl });
    try {
      await other.execute({ sql: "UPDATE info_requests SET status = 'closed', closed_at = ?, version = version + 1 WHERE id = ?", args: [clock.now(), closed.id] });
    } finally {
      other.close();
    }
    const changed = await statementsOf(() => office.trpc.deadlines.board.query());
    expect(changed.some((s) => s.sql.includes('INDEXED BY info_requests_open_version'))).toBe(true);
    expect(await badPlans(changed)).toEqual([]);
    const after = await office.trpc.deadlines.board.query();
    expect(after.requests.map((r) => r.id)).toEqual(before.requests.map((r) => r.id).filter((id) => id !== closed.id));

    // A new request through the service shows at once too.
    const fresh = await office.trpc.requests.register.mutate({ form: applicationFields({ description: '看板语句测试申请（新）' }), channel: 'letter', receivedAt: '2026-06-02' });
    expect((await office.trpc.deadlines.board.query()).requests.map((r) => r.id)).toContain(fresh.id);
    expect((await office.trpc.requests.deadlines.query()).map((r) => r.id)).toContain(fresh.id);
  });
});
