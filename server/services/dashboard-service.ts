import { and, count, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { literal } from '../db/prepared';
import { reportReads, type ReportReads } from '../db/report-reader';
import { categories, departments, documentClocks, documents, infoRequests, tasks } from '../db/schema/index';
import { firstOnTimeDue } from '../../workflows/clocks/index';
import { stepDurations, monthsBetween, type StepTimes } from '../dashboard/step-durations';
import { loadWorkCalendar } from './calendar-service';
import { currentDefinition, currentRequestFlow } from './workflow-definitions';
import { badRequest } from './errors';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';

/** Leaders and the disclosure office see the whole bureau at a glance; counts only, never text. */
export const DASHBOARD_ROLES = ['admin', 'publisher', 'leader'] as const;

export interface DashboardFilter {
  /** CST dates, inclusive. */
  from: string;
  to: string;
  departmentId?: string;
}

const CST_OFFSET_MS = 8 * 3_600_000;
const startOfCstDay = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);

/**
 * Each step's count, median and slowest time of the tasks finished in [since, until), by the
 * task's own 科室 (kept equal to its document's by triggers). The steps that have done tasks
 * are found by skipping along tasks_done_step (one seek each); each step's durations in the
 * range are then one run of that index, read covering and handed over as one list, and the
 * report reader's thread finds the middle by selection (server/db/group-medians.ts). A year of a
 * large bureau (≈ 2 million tasks at a million documents) is never sorted, nor sent as rows.
 */
async function finishedStepTimes(reads: ReportReads, since: number, until: number, departmentId: string | undefined): Promise<StepTimes[]> {
  const groups = await reads.medians({
    sql: `WITH RECURSIVE steps(step) AS (
        SELECT min(step) FROM tasks WHERE status = 'done'
        UNION ALL
        SELECT (SELECT min(step) FROM tasks WHERE status = 'done' AND step > steps.step) FROM steps WHERE step IS NOT NULL)
      SELECT step, (SELECT group_concat(max(0, completed_at - created_at)) FROM tasks
          WHERE status = 'done' AND step = steps.step AND completed_at >= ? AND completed_at < ?${departmentId === undefined ? '' : ' AND department_id = ?'})
      FROM steps WHERE step IS NOT NULL`,
    args: departmentId === undefined ? [since, until] : [since, until, departmentId],
  });
  return groups.map((g) => ({ step: g.key, count: g.count, medianMs: g.median, slowestMs: g.max }));
}

export async function dashboard(ctx: ServiceContext, filter: DashboardFilter) {
  if (filter.from > filter.to) throw badRequest('开始日期不能晚于结束日期');
  const { db } = ctx.database;
  // Over a year of a large bureau these read millions of index entries: off the event loop (report-reader.ts).
  const reads = reportReads(ctx.database);
  const since = startOfCstDay(filter.from);
  const until = startOfCstDay(filter.to) + 86_400_000;
  const dept = filter.departmentId ? eq(documents.departmentId, filter.departmentId) : undefined;
  const inRange = (column: typeof documents.createdAt | typeof documents.publishedAt) => and(gte(column, since), lt(column, until));

  const def = await currentDefinition(db, 'release-review');
  const stepOrder = def.steps.map((s) => s.id);
  const label = (step: string) => def.steps.find((s) => s.id === step)?.label.zh ?? step;
  // A request's status is its step in the request flow; a later version may add steps the
  // client's catalog does not name, so each status carries its step's label too.
  const requestFlow = await currentRequestFlow(db);
  const requestLabel = (status: string) => requestFlow.steps.find((s) => s.id === status)?.label ?? { zh: status, en: status };
  // Deadlines are about today, whatever the range: what is late (due before today) or close
  // (due before the first on-time day, deadline-status.ts) now. Counted per 科室 by SQLite on
  // the open-task and running-clock indexes, which stop at that day; a bureau with a million
  // documents has a hundred thousand open deadlines, too many to read out one by one.
  const calendar = await loadWorkCalendar(ctx);
  const today = cstDate(ctx.now());
  const cutoff = firstOnTimeDue(today, calendar);
  const lateOrClose = (dueDate: typeof tasks.dueDate | typeof documentClocks.dueDate) => ({
    overdue: sql<number>`sum(${dueDate} < ${today})`.mapWith(Number),
    dueSoon: sql<number>`sum(${dueDate} >= ${today})`.mapWith(Number),
  });

  const [perStep, published, finished, openTasks, clocks, requestRows, departmentList] = await Promise.all([
    reads.db
      .select({ step: documents.currentStep, n: count() })
      .from(documents)
      .where(and(inArray(documents.status, ['draft', 'returned', 'in_review', 'awaiting_publication']), inRange(documents.createdAt), dept))
      .groupBy(documents.currentStep),
    // Every document has a category (NOT NULL, a foreign key), so naming them all changes no
    // count: it lets SQLite seek the range of each category in documents_report_items
    // (category, published_at, …) instead of walking every item ever published.
    reads.db
      .select({ month: sql<string>`strftime('%Y-%m', (${documents.publishedAt} + ${CST_OFFSET_MS}) / 1000, 'unixepoch')`, n: count() })
      .from(documents)
      .where(and(inArray(documents.categoryId, reads.db.select({ id: categories.id }).from(categories)), isNotNull(documents.publishedAt), inRange(documents.publishedAt), dept))
      .groupBy(sql`1`),
    finishedStepTimes(reads, since, until, filter.departmentId),
    // Tasks and clocks carry their document's 科室 (kept equal by triggers).
    reads.db
      .select({ departmentId: tasks.departmentId, ...lateOrClose(tasks.dueDate) })
      .from(tasks)
      .where(and(eq(tasks.status, literal('open')), isNotNull(tasks.dueDate), lt(tasks.dueDate, cutoff), filter.departmentId ? eq(tasks.departmentId, filter.departmentId) : undefined))
      .groupBy(tasks.departmentId),
    reads.db
      .select({ departmentId: documentClocks.departmentId, ...lateOrClose(documentClocks.dueDate) })
      .from(documentClocks)
      .where(and(eq(documentClocks.running, literal(1)), lt(documentClocks.dueDate, cutoff), filter.departmentId ? eq(documentClocks.departmentId, filter.departmentId) : undefined))
      .groupBy(documentClocks.departmentId),
    reads.db
      .select({ status: infoRequests.status, n: count() })
      .from(infoRequests)
      .where(and(gte(infoRequests.receivedAt, filter.from), sql`${infoRequests.receivedAt} <= ${filter.to}`))
      .groupBy(infoRequests.status),
    db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(departments.name),
  ]);

  const deadlineCounts = new Map<string, { overdue: number; dueSoon: number }>();
  for (const row of [...openTasks, ...clocks]) {
    if (row.departmentId === null) continue;
    const entry = deadlineCounts.get(row.departmentId) ?? { overdue: 0, dueSoon: 0 };
    entry.overdue += row.overdue;
    entry.dueSoon += row.dueSoon;
    deadlineCounts.set(row.departmentId, entry);
  }
  const publishedByMonth = new Map(published.map((p) => [p.month, p.n]));
  const stepRank = (s: string) => (stepOrder.indexOf(s) === -1 ? 99 : stepOrder.indexOf(s));

  return {
    filter,
    today,
    departments: departmentList,
    documentsPerStep: perStep
      .sort((a, b) => stepRank(a.step) - stepRank(b.step))
      .map((r) => ({ step: r.step, label: label(r.step), count: r.n })),
    deadlinesByDepartment: departmentList
      .filter((d) => deadlineCounts.has(d.id))
      .map((d) => ({ department: d.name, ...deadlineCounts.get(d.id)! })),
    publicationsPerMonth: monthsBetween(filter.from, filter.to).map((month) => ({ month, count: publishedByMonth.get(month) ?? 0 })),
    requestsByStatus: requestRows.map((r) => ({ status: r.status, label: requestLabel(r.status), count: r.n })),
    stepDurations: stepDurations(finished, stepOrder).map((d) => ({ ...d, label: label(d.step) })),
  };
}
