import { and, asc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, departments, documentClocks, documents, tasks, users } from '../db/schema/index';
import { canViewDocument } from './access';
import type { Db } from '../db/client';
import { literal, preparedQuery } from '../db/prepared';
import { defaultClockRule, firstOnTimeDue, type DeadlineStatus } from '../../workflows/clocks/index';
import { loadWorkCalendar } from './calendar-service';
import { definitionLookup } from './workflow-definitions';
import { stepName } from './document-view-service';
import { cstDate } from '../time';
import { flaggedRequestDeadlines } from './request-query-service';
import { REQUEST_READER_ROLES } from '../../workflows/requests/request-roles';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** Roles that oversee the whole bureau's deadlines (公开办, leaders, admins); others see their own section. */
const OVERSEERS = ['admin', 'publisher', 'leader'] as const;

/**
 * Rows per list (tasks, documents, requests), the most urgent first: the board is a list to work
 * through, and reading, checking and sending 500 + 500 + 1,000 rows made it slow at scale.
 */
export const BOARD_LIMIT = 200;

/**
 * Per document id (json array ?3): whether the user (?1) has acted on it and whether one of
 * its open tasks is theirs (assigned to them, or unassigned for one of their roles, json ?2:
 * isTaskFor in access.ts). One SQL text whatever the number of ids, so SQLite compiles it
 * once; it returns a row per id, and each EXISTS stops at the first match. Two `IN (?, ?, …)`
 * queries with up to 400 placeholders were built by drizzle and compiled again whenever the
 * number of ids changed, and returned every open task of every listed document.
 */
const INVOLVEMENT_SQL = `SELECT j.value AS id,
  EXISTS (SELECT 1 FROM review_records r WHERE r.document_id = j.value AND r.user_id = ?1) AS acted,
  EXISTS (SELECT 1 FROM tasks t WHERE t.document_id = j.value AND +t.status = 'open'
    AND (t.assignee_id = ?1 OR (t.assignee_id IS NULL AND t.role IN (SELECT value FROM json_each(?2))))) AS holding
FROM json_each(?3) j`;

/**
 * Which of the listed documents this user may open. An overseer sees that a deadline is
 * running bureau-wide, but the text stays with the people who have a part in the review.
 */
async function viewableDocuments(ctx: ServiceContext, user: SessionUser, rows: { documentId: string; drafterId: string; status: string }[]): Promise<Set<string>> {
  // Only rows the drafter and publisher rules leave open need the database.
  const decided = (r: { drafterId: string; status: string }) => canViewDocument(user.roles, r.status, { isDrafter: r.drafterId === user.id, hasActed: false, holdsOpenTask: false });
  const ids = [...new Set(rows.filter((r) => !decided(r)).map((r) => r.documentId))];
  if (ids.length === 0) return new Set(rows.filter(decided).map((r) => r.documentId));
  const involved = await ctx.database.client.execute({ sql: INVOLVEMENT_SQL, args: [user.id, JSON.stringify(user.roles), JSON.stringify(ids)] });
  const acted = new Set<string>();
  const holding = new Set<string>();
  for (const r of involved.rows) {
    if (Number(r.acted)) acted.add(String(r.id));
    if (Number(r.holding)) holding.add(String(r.id));
  }
  return new Set(
    rows
      .filter((r) => canViewDocument(user.roles, r.status, { isDrafter: r.drafterId === user.id, hasActed: acted.has(r.documentId), holdsOpenTask: holding.has(r.documentId) }))
      .map((r) => r.documentId),
  );
}

const ruleLabels = new Map<string, string>();
function ruleLabel(key: string): string {
  let label = ruleLabels.get(key);
  if (label === undefined) {
    try {
      label = defaultClockRule(key).label.zh;
    } catch {
      label = key;
    }
    ruleLabels.set(key, label);
  }
  return label;
}

/**
 * The bureau's open review tasks (an overseer's board) with a due date before `before` (placeholder), soonest first, at most
 * BOARD_LIMIT + 1 (the one past says there are more), read on `tasks_open_due_date` in due order.
 * Built once per database (preparedQuery): building the two lists' drizzle queries on
 * every view cost as much CPU as running them.
 */
function dueTasks(db: Db) {
  const assignee = alias(users, 'assignee');
  return db
    .select({
      taskId: tasks.id, step: tasks.step, role: tasks.role, dueDate: tasks.dueDate, provisional: tasks.dueProvisional,
      documentId: documents.id, title: documents.title, workflowKey: documents.workflowKey, workflowVersion: documents.workflowVersion,
      status: documents.status, drafterId: documents.drafterId,
      departmentName: departments.name, assigneeName: assignee.displayName,
    })
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .innerJoin(departments, eq(departments.id, documents.departmentId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .where(and(eq(tasks.status, literal('open')), isNotNull(tasks.dueDate), lt(tasks.dueDate, sql.placeholder('before'))))
    .orderBy(asc(tasks.dueDate))
    // One past the limit: whether more are due than the board lists, for one more index step.
    .limit(BOARD_LIMIT + 1);
}

/** The bureau's running statutory clocks due before `before` (placeholder), soonest first, at most BOARD_LIMIT + 1. */
function runningClocks(db: Db) {
  const drafter = alias(users, 'drafter');
  return db
    .select({
      documentId: documents.id, title: documents.title, status: documents.status, currentStep: documents.currentStep, drafterId: documents.drafterId,
      workflowKey: documents.workflowKey, workflowVersion: documents.workflowVersion,
      rule: documentClocks.rule, dueDate: documentClocks.dueDate, provisional: documentClocks.provisional,
      departmentName: departments.name, drafterName: drafter.displayName, categoryName: categories.nameZh,
    })
    .from(documentClocks)
    .innerJoin(documents, eq(documents.id, documentClocks.documentId))
    .innerJoin(departments, eq(departments.id, documents.departmentId))
    .innerJoin(drafter, eq(drafter.id, documents.drafterId))
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    // Running clocks only (the document is not yet public nor ended), on their partial index in
    // due order, stopping at the limit: the literal `= 1` is what lets SQLite use that index.
    // Walking every clock in due order stepped over each published document's finished one.
    .where(and(sql`${documentClocks.running} = 1`, lt(documentClocks.dueDate, sql.placeholder('before'))))
    .orderBy(asc(documentClocks.dueDate))
    .limit(BOARD_LIMIT + 1);
}

/**
 * A section member's lists. Their scope (their 科室's documents, tasks assigned to them, tasks
 * of their roles) is read part by part, each on an index in due order and stopped at the limit
 * (tasks_open_department_due, tasks_open_assignee_due, tasks_open_role_due,
 * document_clocks_running_department_due), then merged. One due-ordered walk over
 * the whole bureau filtered by scope stepped over every other section's due row with a
 * document lookup each: 0.6 s per list at 1M documents for a 科室 with nothing due.
 * `INDEXED BY` makes a plan that cannot use the index an error instead of a silent scan.
 */
const SECTION_TASK_SQL = (index: string, column: string) => `SELECT t.id AS taskId, t.step AS step, t.role AS role, t.due_date AS dueDate, t.due_provisional AS provisional,
  d.id AS documentId, d.title AS title, d.workflow_key AS workflowKey, d.workflow_version AS workflowVersion, d.status AS status, d.drafter_id AS drafterId,
  dep.name AS departmentName, a.display_name AS assigneeName
FROM tasks t INDEXED BY ${index}
JOIN documents d ON d.id = t.document_id
JOIN departments dep ON dep.id = d.department_id
LEFT JOIN users a ON a.id = t.assignee_id
WHERE t.status = 'open' AND t.${column} = ?1 AND t.due_date < ?2
ORDER BY t.due_date LIMIT ${BOARD_LIMIT + 1}`;
const SECTION_TASKS = {
  department: SECTION_TASK_SQL('tasks_open_department_due', 'department_id'),
  role: SECTION_TASK_SQL('tasks_open_role_due', 'role'),
  assignee: SECTION_TASK_SQL('tasks_open_assignee_due', 'assignee_id'),
};
const SECTION_CLOCKS = `SELECT d.id AS documentId, d.title AS title, d.status AS status, d.current_step AS currentStep, d.drafter_id AS drafterId,
  d.workflow_key AS workflowKey, d.workflow_version AS workflowVersion, c.rule AS rule, c.due_date AS dueDate, c.provisional AS provisional,
  dep.name AS departmentName, u.display_name AS drafterName, cat.name_zh AS categoryName
FROM document_clocks c INDEXED BY document_clocks_running_department_due
JOIN documents d ON d.id = c.document_id
JOIN departments dep ON dep.id = d.department_id
JOIN users u ON u.id = d.drafter_id
JOIN categories cat ON cat.id = d.category_id
WHERE c.running = 1 AND c.department_id = ?1 AND c.due_date < ?2
ORDER BY c.due_date LIMIT ${BOARD_LIMIT + 1}`;

type TaskRow = Awaited<ReturnType<ReturnType<typeof dueTasks>['all']>>[number];
type ClockRow = Awaited<ReturnType<ReturnType<typeof runningClocks>['all']>>[number];
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function sectionTasks(ctx: ServiceContext, user: SessionUser, before: string): Promise<TaskRow[]> {
  const { client } = ctx.database;
  const parts = [
    { sql: SECTION_TASKS.department, key: user.department.id },
    { sql: SECTION_TASKS.assignee, key: user.id },
    ...user.roles.map((role) => ({ sql: SECTION_TASKS.role, key: role })),
  ];
  const byId = new Map<string, TaskRow>();
  for (const part of parts) {
    for (const r of (await client.execute({ sql: part.sql, args: [part.key, before] })).rows) {
      const taskId = String(r.taskId);
      if (byId.has(taskId)) continue;
      byId.set(taskId, {
        taskId, step: String(r.step), role: String(r.role), dueDate: str(r.dueDate), provisional: Boolean(Number(r.provisional)),
        documentId: String(r.documentId), title: String(r.title), workflowKey: String(r.workflowKey), workflowVersion: Number(r.workflowVersion),
        status: String(r.status), drafterId: String(r.drafterId), departmentName: String(r.departmentName), assigneeName: str(r.assigneeName),
      });
    }
  }
  // Each part is the soonest of its own; together, the soonest BOARD_LIMIT + 1 of their union.
  return [...byId.values()].sort((a, b) => a.dueDate!.localeCompare(b.dueDate!) || a.taskId.localeCompare(b.taskId)).slice(0, BOARD_LIMIT + 1);
}

async function sectionClocks(ctx: ServiceContext, user: SessionUser, before: string): Promise<ClockRow[]> {
  const { rows } = await ctx.database.client.execute({ sql: SECTION_CLOCKS, args: [user.department.id, before] });
  return rows.map((r) => ({
    documentId: String(r.documentId), title: String(r.title), status: String(r.status), currentStep: String(r.currentStep), drafterId: String(r.drafterId),
    workflowKey: String(r.workflowKey), workflowVersion: Number(r.workflowVersion), rule: String(r.rule), dueDate: String(r.dueDate), provisional: Boolean(Number(r.provisional)),
    departmentName: String(r.departmentName), drafterName: String(r.drafterName), categoryName: String(r.categoryName),
  }));
}

/**
 * 临期/超期: open review tasks and statutory clocks that are due soon or overdue, for the
 * whole bureau (overseers) or the user's own section, soonest first; and, for those who may
 * read requests (they carry applicants' data), the requests whose next limit is near or past,
 * so the board's counts include them. At most BOARD_LIMIT rows of each, soonest due first.
 */
export async function deadlineBoard(ctx: ServiceContext, user: SessionUser) {
  const { db } = ctx.database;
  const calendar = await loadWorkCalendar(ctx);
  const today = cstDate(ctx.now());
  // Only what is due soon or overdue is read: both lists ask their index for due < this day.
  const onTimeFrom = firstOnTimeDue(today, calendar);
  const oversees = OVERSEERS.some((r) => user.roles.includes(r));
  const taskRead = oversees ? await preparedQuery(db, 'board.tasks.all', (d) => dueTasks(d).prepare()).all({ before: onTimeFrom }) : await sectionTasks(ctx, user, onTimeFrom);
  const clockRead = oversees ? await preparedQuery(db, 'board.clocks.all', (d) => runningClocks(d).prepare()).all({ before: onTimeFrom }) : await sectionClocks(ctx, user, onTimeFrom);
  const taskRows = taskRead.slice(0, BOARD_LIMIT);
  const clockRows = clockRead.slice(0, BOARD_LIMIT);
  // Every row read is due soon or overdue (due < onTimeFrom); the state says which.
  const viewable = await viewableDocuments(ctx, user, [...taskRows, ...clockRows]);
  const pinnedDefinition = await definitionLookup(db, [...taskRows, ...clockRows]);
  const state = (due: string) => (due < today ? 'overdue' : 'due_soon') as DeadlineStatus;
  const readsRequests = REQUEST_READER_ROLES.some((r) => user.roles.includes(r));
  const flagged = readsRequests ? await flaggedRequestDeadlines(ctx, BOARD_LIMIT) : { rows: [], total: 0 };
  return {
    today,
    /**
     * Rows per list, and which lists were cut there: the board is bounded (its cost must not
     * grow with the bureau's backlog), and says so rather than counting a backlog it does not list.
     */
    limit: BOARD_LIMIT,
    more: { tasks: taskRead.length > BOARD_LIMIT, documents: clockRead.length > BOARD_LIMIT, requests: flagged.total > BOARD_LIMIT },
    requests: flagged.rows,
    // Built field by field: spreading rows with rest patterns was most of the board's JS time.
    tasks: taskRows.map((r) => ({
      taskId: r.taskId, step: r.step, role: r.role, dueDate: r.dueDate, provisional: r.provisional, documentId: r.documentId, title: r.title, status: r.status,
      departmentName: r.departmentName, assigneeName: r.assigneeName, state: state(r.dueDate!), canView: viewable.has(r.documentId), stepLabel: stepName(pinnedDefinition(r.workflowKey, r.workflowVersion), r.step),
    })),
    documents: clockRows.map((r) => ({
      documentId: r.documentId, title: r.title, status: r.status, currentStep: r.currentStep, rule: r.rule, dueDate: r.dueDate, provisional: r.provisional,
      departmentName: r.departmentName, drafterName: r.drafterName, categoryName: r.categoryName, state: state(r.dueDate), canView: viewable.has(r.documentId), ruleLabel: ruleLabel(r.rule),
      stepLabel: stepName(pinnedDefinition(r.workflowKey, r.workflowVersion), r.currentStep),
    })),
  };
}
