import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, departments, documentClocks, documents, tasks, users } from '../db/schema/index';
import { deadlineStatus, defaultClockRule, type DeadlineStatus } from '../../workflows/clocks/index';
import { loadWorkCalendar } from './calendar-service';
import { CLOCK_RUNNING_STATUSES } from './deadline-service';
import { pinnedDefinition } from './workflow-definitions';
import { stepLabel } from './document-view-service';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** Roles that oversee the whole bureau's deadlines (公开办, leaders, admins); others see their own section. */
const OVERSEERS = ['admin', 'publisher', 'leader'] as const;

function ruleLabel(key: string): string {
  try {
    return defaultClockRule(key).label.zh;
  } catch {
    return key;
  }
}

/**
 * 临期/超期: open review tasks and statutory clocks that are due soon or overdue, for the
 * whole bureau (overseers) or the user's own section, soonest first.
 */
export async function deadlineBoard(ctx: ServiceContext, user: SessionUser) {
  const { db } = ctx.database;
  const calendar = await loadWorkCalendar(ctx);
  const today = cstDate(ctx.now());
  const oversees = OVERSEERS.some((r) => user.roles.includes(r));
  const scope = oversees ? undefined : or(eq(documents.departmentId, user.department.id), eq(tasks.assigneeId, user.id), inArray(tasks.role, user.roles.length ? user.roles : ['-']));
  const assignee = alias(users, 'assignee');
  const taskRows = await db
    .select({
      taskId: tasks.id, step: tasks.step, role: tasks.role, dueDate: tasks.dueDate, provisional: tasks.dueProvisional,
      documentId: documents.id, title: documents.title, workflowKey: documents.workflowKey, workflowVersion: documents.workflowVersion,
      departmentName: departments.name, assigneeName: assignee.displayName,
    })
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .innerJoin(departments, eq(departments.id, documents.departmentId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .where(and(eq(tasks.status, 'open'), isNotNull(tasks.dueDate), scope))
    .orderBy(asc(tasks.dueDate))
    .limit(500);
  const docScope = oversees ? undefined : eq(documents.departmentId, user.department.id);
  const drafter = alias(users, 'drafter');
  const clockRows = await db
    .select({
      documentId: documents.id, title: documents.title, status: documents.status, currentStep: documents.currentStep,
      workflowKey: documents.workflowKey, workflowVersion: documents.workflowVersion,
      rule: documentClocks.rule, dueDate: documentClocks.dueDate, provisional: documentClocks.provisional,
      departmentName: departments.name, drafterName: drafter.displayName, categoryName: categories.nameZh,
    })
    .from(documentClocks)
    .innerJoin(documents, eq(documents.id, documentClocks.documentId))
    .innerJoin(departments, eq(departments.id, documents.departmentId))
    .innerJoin(drafter, eq(drafter.id, documents.drafterId))
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .where(and(inArray(documents.status, CLOCK_RUNNING_STATUSES), docScope))
    .orderBy(asc(documentClocks.dueDate))
    .limit(500);
  const flagged = <T extends { dueDate: string | null }>(rows: T[]) =>
    rows.map((r) => ({ ...r, state: deadlineStatus(r.dueDate!, today, calendar) as DeadlineStatus })).filter((r) => r.state !== 'on_time');
  return {
    today,
    tasks: flagged(taskRows).map(({ workflowKey, workflowVersion, ...r }) => ({ ...r, stepLabel: stepLabel(pinnedDefinition(workflowKey, workflowVersion), r.step) })),
    documents: flagged(clockRows).map(({ workflowKey, workflowVersion, ...r }) => ({ ...r, ruleLabel: ruleLabel(r.rule), stepLabel: stepLabel(pinnedDefinition(workflowKey, workflowVersion), r.currentStep) })),
  };
}
