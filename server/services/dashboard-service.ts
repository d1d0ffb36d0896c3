import { and, count, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { literal } from '../db/prepared';
import { departments, documentClocks, documents, infoRequests, tasks } from '../db/schema/index';
import { deadlineStatus } from '../../workflows/clocks/index';
import { stepDurations, monthsBetween } from '../dashboard/step-durations';
import { loadWorkCalendar } from './calendar-service';
import { CLOCK_RUNNING_STATUSES } from './deadline-service';
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

export async function dashboard(ctx: ServiceContext, filter: DashboardFilter) {
  if (filter.from > filter.to) throw badRequest('开始日期不能晚于结束日期');
  const { db } = ctx.database;
  const since = startOfCstDay(filter.from);
  const until = startOfCstDay(filter.to) + 86_400_000;
  const dept = filter.departmentId ? eq(documents.departmentId, filter.departmentId) : undefined;
  const inRange = (column: typeof documents.createdAt | typeof documents.publishedAt | typeof tasks.completedAt) => and(gte(column, since), lt(column, until));

  const def = await currentDefinition(db, 'release-review');
  const stepOrder = def.steps.map((s) => s.id);
  const label = (step: string) => def.steps.find((s) => s.id === step)?.label.zh ?? step;
  // A request's status is its step in the request flow; a later version may add steps the
  // client's catalog does not name, so each status carries its step's label too.
  const requestFlow = await currentRequestFlow(db);
  const requestLabel = (status: string) => requestFlow.steps.find((s) => s.id === status)?.label ?? { zh: status, en: status };

  const [perStep, published, finished, openTasks, clocks, requestRows, departmentList] = await Promise.all([
    db
      .select({ step: documents.currentStep, n: count() })
      .from(documents)
      .where(and(inArray(documents.status, ['draft', 'returned', 'in_review', 'awaiting_publication']), inRange(documents.createdAt), dept))
      .groupBy(documents.currentStep),
    db
      .select({ month: sql<string>`strftime('%Y-%m', (${documents.publishedAt} + ${CST_OFFSET_MS}) / 1000, 'unixepoch')`, n: count() })
      .from(documents)
      .where(and(isNotNull(documents.publishedAt), inRange(documents.publishedAt), dept))
      .groupBy(sql`1`),
    db
      .select({ step: tasks.step, createdAt: tasks.createdAt, completedAt: tasks.completedAt })
      .from(tasks)
      .innerJoin(documents, eq(documents.id, tasks.documentId))
      .where(and(eq(tasks.status, literal('done')), isNotNull(tasks.completedAt), inRange(tasks.completedAt), dept)),
    db
      .select({ departmentId: documents.departmentId, dueDate: tasks.dueDate })
      .from(tasks)
      .innerJoin(documents, eq(documents.id, tasks.documentId))
      .where(and(eq(tasks.status, literal('open')), isNotNull(tasks.dueDate), dept)),
    db
      .select({ departmentId: documents.departmentId, dueDate: documentClocks.dueDate })
      .from(documentClocks)
      .innerJoin(documents, eq(documents.id, documentClocks.documentId))
      .where(and(inArray(documents.status, CLOCK_RUNNING_STATUSES), dept)),
    db
      .select({ status: infoRequests.status, n: count() })
      .from(infoRequests)
      .where(and(gte(infoRequests.receivedAt, filter.from), sql`${infoRequests.receivedAt} <= ${filter.to}`))
      .groupBy(infoRequests.status),
    db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(departments.name),
  ]);

  // Deadlines are about today, whatever the range: what is late or close now.
  const calendar = await loadWorkCalendar(ctx);
  const today = cstDate(ctx.now());
  const deadlineCounts = new Map<string, { overdue: number; dueSoon: number }>();
  for (const row of [...openTasks.map((t) => ({ departmentId: t.departmentId, dueDate: t.dueDate! })), ...clocks]) {
    const state = deadlineStatus(row.dueDate, today, calendar);
    if (state === 'on_time') continue;
    const entry = deadlineCounts.get(row.departmentId) ?? { overdue: 0, dueSoon: 0 };
    if (state === 'overdue') entry.overdue++;
    else entry.dueSoon++;
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
    stepDurations: stepDurations(
      finished.map((t) => ({ step: t.step, createdAt: t.createdAt, completedAt: t.completedAt! })),
      stepOrder,
    ).map((d) => ({ ...d, label: label(d.step) })),
  };
}
