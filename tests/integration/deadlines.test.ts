import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { runCli, runTsScript } from '../support/run-cli';
import { failure } from '../support/api-client';
import { signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { scanReminders } from '../../server/services/reminder-service';

// The whole suite runs on a controlled clock: Friday 2026-09-25, 10:00 CST.
let clock = Date.parse('2026-09-25T10:00:00+08:00');
let server: TestServer;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  clients = await signInAll(server.url, ['admin', 'drafter', 'drafter2', 'legal', 'secrecy', 'publisher']);
});
afterAll(() => server.close());

async function submitted(title: string) {
  const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title, writtenAt: '2026-09-25' }));
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  return created.id;
}

describe('working days and deadlines', () => {
  it('answers `workdays add` with the holiday calendar, provisional in a year not yet announced', async () => {
    const known = await runCli(server.databaseUrl, ['workdays', 'add', '2026-09-25', '20']);
    expect(known.code).toBe(0);
    expect(known.output).toContain('2026-10-29');
    expect(known.output).not.toContain('暂定');
    const unknown = await runCli(server.databaseUrl, ['workdays', 'add', '2026-12-20', '20']);
    expect(unknown.output).toMatch(/2027-01-\d\d/);
    expect(unknown.output).toContain('暂定');
  });

  it('gives each review task a due date in working days across the National Day holiday', async () => {
    const id = await submitted('期限测试-国庆');
    const inbox = await clients.legal!.trpc.review.inbox.query();
    // Legality review has 3 working days: 9/28, 9/29, 9/30 (10/1–10/7 are the holiday).
    expect(inbox.find((t) => t.documentId === id)?.dueDate).toBe('2026-09-30');
  });

  it('recomputes open deadlines when an admin enters a holiday, and records it', async () => {
    const id = await submitted('期限测试-日历调整');
    expect((await failure(clients.drafter!.trpc.deadlines.setDay.mutate({ date: '2026-09-29', kind: 'holiday', note: '' }))).code).toBe('FORBIDDEN');
    await clients.admin!.trpc.deadlines.setDay.mutate({ date: '2026-09-29', kind: 'holiday', note: '地方防汛停工（测试）' });
    const inbox = await clients.legal!.trpc.review.inbox.query();
    expect(inbox.find((t) => t.documentId === id)?.dueDate).toBe('2026-10-08');
    const calendar = await clients.admin!.trpc.deadlines.calendar.query();
    expect(calendar.overrides).toEqual([{ date: '2026-09-29', kind: 'holiday', note: '地方防汛停工（测试）' }]);
    await clients.admin!.trpc.deadlines.setDay.mutate({ date: '2026-09-29', kind: 'default', note: '' });
    expect((await clients.legal!.trpc.review.inbox.query()).find((t) => t.documentId === id)?.dueDate).toBe('2026-09-30');
    const audit = await server.services.database.client.execute("SELECT action FROM audit_log WHERE action LIKE 'calendar.%' OR action = 'deadlines.recomputed' ORDER BY seq");
    expect(audit.rows.map((r) => r.action)).toEqual(['calendar.day_set', 'deadlines.recomputed', 'calendar.day_cleared', 'deadlines.recomputed']);
  });

  it('shows due-soon and overdue work on the deadline board, by scope', async () => {
    const id = await submitted('期限测试-看板');
    // Formed on 8/20: its 20-working-day disclosure clock ran out on 9/17.
    const late = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '期限测试-逾期未公开', writtenAt: '2026-08-20' }));
    clock = Date.parse('2026-10-09T10:00:00+08:00');
    // Two weeks later every session has expired on its own (8 hours idle): sign in again.
    clients = await signInAll(server.url, ['publisher', 'drafter2', 'legal']);
    const board = await clients.publisher!.trpc.deadlines.board.query();
    const row = board.tasks.find((t) => t.documentId === id);
    // The publisher oversees the deadline but has no part in this review: no link to its text.
    expect(row).toMatchObject({ state: 'overdue', dueDate: '2026-09-30', stepLabel: { zh: '合法性审查', en: 'Legality review' }, canView: false });
    expect(board.documents.find((d) => d.documentId === late.id)).toMatchObject({ state: 'overdue', dueDate: '2026-09-17', rule: 'proactive_disclosure' });
    expect(board.documents.some((d) => d.documentId === id)).toBe(false); // due 10/29: on time
    const otherSection = await clients.drafter2!.trpc.deadlines.board.query();
    expect(otherSection.tasks.some((t) => t.documentId === id)).toBe(false);
  });

  it('fires each reminder once even when two processes scan at the same moment', async () => {
    clock = Date.parse('2026-10-12T09:00:00+08:00');
    clients = await signInAll(server.url, ['legal']);
    const at = String(clock);
    const [child, parent] = await Promise.all([runTsScript('tests/support/scan-reminders.ts', [at], { env: { DATABASE_URL: server.databaseUrl } }), scanReminders(server.services)]);
    expect(child.code).toBe(0);
    const childFired = JSON.parse(child.output.trim().split('\n').pop()!).fired as number;
    const { client } = server.services.database;
    const reminders = await client.execute("SELECT task_id, kind, count(*) AS n FROM reminders GROUP BY task_id, kind");
    expect(reminders.rows.length).toBeGreaterThan(0);
    expect(reminders.rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect(childFired + parent.fired).toBe(reminders.rows.length);
    const again = await scanReminders(server.services);
    expect(again.fired).toBe(0);
    const notes = await clients.legal!.trpc.notifications.list.query();
    expect(notes.unread).toBeGreaterThan(0);
    const reminded = notes.items.filter((n) => n.kind === 'task.overdue' || n.kind === 'task.due_soon');
    expect(reminded.length).toBeGreaterThan(0);
    for (const n of reminded) expect(n.message).toMatch(/超期|到期/);
    await clients.legal!.trpc.notifications.markRead.mutate({});
    expect((await clients.legal!.trpc.notifications.list.query()).unread).toBe(0);
  });
});
