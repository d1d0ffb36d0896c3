/**
 * 统计概览 over a real server and the seeded demo bureau: each figure agrees with the
 * records (checked against direct counts and against a change made in the test), filters
 * narrow it, and only leaders and the disclosure office may see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, isNotNull, lt } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure } from '../support/api-client';
import { signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { departments, documents, tasks } from '../../server/db/schema/index';
import { statementsOf } from '../support/statement-recorder';
import { planLines } from '../support/query-plans';

const clock = Date.parse('2026-12-08T10:00:00+08:00');
let server: TestServer;
let clients: Clients;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  clients = await signInAll(server.url, ['admin', 'leader', 'publisher', 'drafter', 'legal']);
}, 60_000);
afterAll(() => server.close());

describe('dashboard', () => {
  it('counts publications per month exactly as the catalog has them, months without any as zero', async () => {
    const summary = await clients.leader!.trpc.dashboard.summary.query(YEAR);
    expect(summary.publicationsPerMonth.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const db = server.services.database.db;
    const published = await db
      .select({ at: documents.publishedAt })
      .from(documents)
      .where(and(isNotNull(documents.publishedAt), gte(documents.publishedAt, Date.parse('2026-01-01T00:00:00+08:00')), lt(documents.publishedAt, Date.parse('2027-01-01T00:00:00+08:00'))));
    expect(published.length).toBeGreaterThan(0);
    expect(summary.publicationsPerMonth.reduce((n, m) => n + m.count, 0)).toBe(published.length);
    const byMonth = new Map<string, number>();
    for (const p of published) {
      const month = new Date(p.at! + 8 * 3_600_000).toISOString().slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    }
    for (const m of summary.publicationsPerMonth) expect(m.count, m.month).toBe(byMonth.get(m.month) ?? 0);
  });

  it('moves a submitted document into the legality-review count and shows review times per step', async () => {
    const before = await clients.publisher!.trpc.dashboard.summary.query(YEAR);
    const legality = (s: typeof before) => s.documentsPerStep.find((r) => r.step === 'legality_review')?.count ?? 0;
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '统计概览测试文件' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const after = await clients.publisher!.trpc.dashboard.summary.query(YEAR);
    expect(legality(after)).toBe(legality(before) + 1);
    expect(after.documentsPerStep.find((r) => r.step === 'legality_review')!.label).toBe('合法性审查');
    expect(after.stepDurations.length).toBeGreaterThan(0);
    for (const d of after.stepDurations) {
      expect(d.count).toBeGreaterThan(0);
      expect(d.slowestHours).toBeGreaterThanOrEqual(d.medianHours);
    }
    // SQLite's count, median and slowest per step, against the same figures worked out here from the tasks themselves.
    const done = await server.services.database.db
      .select({ step: tasks.step, createdAt: tasks.createdAt, completedAt: tasks.completedAt })
      .from(tasks)
      .where(and(eq(tasks.status, 'done'), gte(tasks.completedAt, Date.parse('2026-01-01T00:00:00+08:00')), lt(tasks.completedAt, Date.parse('2027-01-01T00:00:00+08:00'))));
    const hoursByStep = new Map<string, number[]>();
    for (const t of done) {
      const hours = Math.max(0, t.completedAt! - t.createdAt) / 3_600_000;
      hoursByStep.get(t.step)?.push(hours) ?? hoursByStep.set(t.step, [hours]);
    }
    const tenth = (n: number) => Math.round(n * 10) / 10;
    const expected = [...hoursByStep].map(([step, hours]) => {
      const sorted = hours.sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      return { step, count: sorted.length, medianHours: tenth(median), slowestHours: tenth(sorted.at(-1)!) };
    });
    expect([...hoursByStep.values()].some((h) => h.length % 2 === 0) && [...hoursByStep.values()].some((h) => h.length % 2 === 1 && h.length > 1)).toBe(true);
    expect(after.stepDurations.map(({ label: _, ...d }) => d).sort((a, b) => a.step.localeCompare(b.step))).toEqual(expected.sort((a, b) => a.step.localeCompare(b.step)));
  });

  it('gives the exact median of durations minutes apart, each step read as one run of its index with no sort', async () => {
    // Finished tasks of a month with no other work: the middle durations of 100.0, 100.2 and
    // 100.25 hours are minutes apart, and an even count's median is the mean of its two middles.
    const [doc] = await server.services.database.db.select({ id: documents.id, departmentId: documents.departmentId }).from(documents).limit(1);
    const hours = { legality_review: [1, 2, 100, 100.2, 150, 200], secrecy_review: [100, 100.2, 100.25] };
    const completed = Date.parse('2024-03-15T10:00:00+08:00');
    let n = 0;
    for (const [step, list] of Object.entries(hours)) {
      for (const h of list) {
        await server.services.database.client.execute({
          sql: `INSERT INTO tasks (id, document_id, step, seat_id, role, round, status, created_at, completed_at, outcome, department_id) VALUES (?, ?, ?, 'main', 'legal', 1, 'done', ?, ?, 'approved', ?)`,
          args: [`median-test-${n++}`, doc!.id, step, completed - Math.round(h * 3_600_000), completed, doc!.departmentId],
        });
      }
    }
    const month = { from: '2024-03-01', to: '2024-03-31' };
    const statements = await statementsOf(server, () => clients.admin!.trpc.dashboard.summary.query(month));
    // One statement lists every step's durations in the range.
    const durations = statements.filter((st) => /group_concat/.test(st.sql));
    expect(durations.length).toBe(1);
    // Each step's are a range of the covering index of done tasks (steps found by seeks along
    // it), never the table, and SQLite sorts nothing: the medians are found by selection.
    const lines = await planLines(server, durations);
    expect(lines.some(({ detail }) => /USING COVERING INDEX tasks_done_step \(step=\? AND completed_at>\? AND completed_at<\?\)/.test(detail))).toBe(true);
    expect(lines.some(({ detail }) => /USING COVERING INDEX tasks_done_step \(step>\?\)/.test(detail))).toBe(true);
    expect(lines.filter(({ detail }) => /^SCAN tasks\b|TEMP B-TREE/.test(detail))).toEqual([]);
    const summary = await clients.admin!.trpc.dashboard.summary.query(month);
    expect(summary.stepDurations.map(({ step, count, medianHours, slowestHours }) => ({ step, count, medianHours, slowestHours }))).toEqual([
      { step: 'legality_review', count: 6, medianHours: 100.1, slowestHours: 200 },
      { step: 'secrecy_review', count: 3, medianHours: 100.2, slowestHours: 100.3 },
    ]);
  });

  it('counts overdue and due-soon work by department, and narrows everything to one department', async () => {
    const all = await clients.admin!.trpc.dashboard.summary.query(YEAR);
    const overdue = all.deadlinesByDepartment.reduce((n, d) => n + d.overdue, 0);
    expect(overdue).toBeGreaterThan(0);
    const board = await clients.publisher!.trpc.deadlines.board.query();
    const boardOverdue = board.tasks.filter((t) => t.state === 'overdue').length + board.documents.filter((d) => d.state === 'overdue').length;
    expect(overdue).toBe(boardOverdue);
    const boardDueSoon = board.tasks.filter((t) => t.state === 'due_soon').length + board.documents.filter((d) => d.state === 'due_soon').length;
    expect(all.deadlinesByDepartment.reduce((n, d) => n + d.dueSoon, 0)).toBe(boardDueSoon);
    const [dept] = await server.services.database.db.select().from(departments).where(eq(departments.name, all.deadlinesByDepartment[0]!.department));
    const one = await clients.admin!.trpc.dashboard.summary.query({ ...YEAR, departmentId: dept!.id });
    expect(one.deadlinesByDepartment.map((d) => d.department)).toEqual([dept!.name]);
    expect(one.publicationsPerMonth.reduce((n, m) => n + m.count, 0)).toBeLessThanOrEqual(all.publicationsPerMonth.reduce((n, m) => n + m.count, 0));
  });

  it.each([
    ['the whole bureau', false],
    ['one 科室', true],
  ])('reads review times and deadlines on their indexes, never a scan of the tasks or clocks (%s)', async (_, oneDepartment) => {
    const [dept] = await server.services.database.db.select({ id: departments.id }).from(departments).innerJoin(documents, eq(documents.departmentId, departments.id)).limit(1);
    const filter = oneDepartment ? { ...YEAR, departmentId: dept!.id } : YEAR;
    const statements = await statementsOf(server, () => clients.leader!.trpc.dashboard.summary.query(filter));
    const touching = (table: string) => statements.filter((st) => new RegExp(`from "?${table}"?\\s`, 'i').test(st.sql));
    expect(touching('tasks').length).toBe(2);
    expect(touching('document_clocks').length).toBe(1);
    const lines = await planLines(server, [...touching('tasks'), ...touching('document_clocks'), ...touching('documents')]);
    // Only the partial indexes of open tasks and running clocks may be walked whole (covering,
    // never the rows): they hold the open work, not the bureau's history.
    const walked = lines.filter(({ detail }) => /^SCAN (tasks|document_clocks)\b/.test(detail));
    expect(walked.map(({ detail }) => detail).sort()).toEqual(
      walked.map(({ detail }) => detail).filter((d) => /USING COVERING INDEX (tasks_open_\w+|document_clocks_running_\w+)$/.test(d)).sort(),
    );
    // Done tasks in the range come from the partial index that holds only them, with what is read (covering).
    expect(lines.some(({ detail }) => /USING COVERING INDEX tasks_done_step \(step=\? AND completed_at>\? AND completed_at<\?\)/.test(detail))).toBe(true);
    // Documents in work created in the range: a range of documents_status_created per status,
    // which holds their step and 科室 too (covering): no document's row is read.
    expect(lines.some(({ detail }) => /documents USING COVERING INDEX documents_status_created \(status=\? AND created_at>\? AND created_at<\?\)/.test(detail))).toBe(true);
    // Publications in the range: a range of documents_report_items per category.
    expect(lines.some(({ detail }) => /documents USING COVERING INDEX documents_report_items \(category_id=\? AND published_at>\? AND published_at<\?\)/.test(detail))).toBe(true);
    // No walk of the documents or of any of their indexes: every read of them is a range.
    expect(lines.filter(({ detail }) => /^SCAN documents\b/.test(detail))).toEqual([]);
  });

  it('is for leaders and the disclosure office only, and refuses a reversed range', async () => {
    expect((await failure(clients.drafter!.trpc.dashboard.summary.query(YEAR))).code).toBe('FORBIDDEN');
    expect((await failure(clients.legal!.trpc.dashboard.summary.query(YEAR))).code).toBe('FORBIDDEN');
    const reversed = await failure(clients.leader!.trpc.dashboard.summary.query({ from: '2026-12-31', to: '2026-01-01' }));
    expect(reversed.code).toBe('BAD_REQUEST');
    expect(reversed.message).toBe('开始日期不能晚于结束日期');
  });
});
