import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { literal } from '../db/prepared';
import type { BatchItem } from 'drizzle-orm/batch';
import { categories, documentClocks, documents, tasks } from '../db/schema/index';
import { computeDeadline, defaultClockRule, type ClockRule } from '../../workflows/clocks/index';
import type { WorkCalendar } from '../../workflows/calendar/index';
import { stepById, type WorkflowDefinition } from '../../workflows/index';
import { definitionLookup } from './workflow-definitions';
import { loadWorkCalendar } from './calendar-service';
import { cstDate } from '../time';
import { commitChange } from './commit';
import type { Db } from '../db/client';
import type { ServiceContext } from './service-context';

/**
 * Statuses whose statutory clock still matters: the document is not yet public nor ended.
 * The triggers that keep document_clocks.running (migration document_clocks_running_triggers)
 * list the same statuses.
 */
export const CLOCK_RUNNING_STATUSES = ['draft', 'returned', 'in_review', 'awaiting_publication'];

/** The due date of a task at `stepId` opened at `openedAt`, from the step's working-day limit. */
export function taskDue(def: WorkflowDefinition, stepId: string, openedAt: number, calendar: WorkCalendar): { dueDate: string | null; dueProvisional: boolean } {
  const days = stepById(def, stepId)?.dueWorkingDays;
  if (!days) return { dueDate: null, dueProvisional: false };
  const { date, provisional } = calendar.addWorkingDays(cstDate(openedAt), days);
  return { dueDate: date, dueProvisional: provisional };
}

function ruleFor(key: string | null): ClockRule | null {
  if (!key) return null;
  try {
    return defaultClockRule(key);
  } catch {
    return null;
  }
}

export async function categoryClockRule(db: Db, categoryId: string): Promise<string | null> {
  const [category] = await db.select({ clockRule: categories.clockRule }).from(categories).where(eq(categories.id, categoryId));
  return category?.clockRule ?? null;
}

export interface ClockSubject {
  id: string;
  writtenAt: string;
  /** When the policy this document interprets was published (CST date), if it has been. */
  policyPublishedOn?: string | null;
}

/**
 * The day a rule's clock starts for a document: an interpretation's clock starts when its
 * policy is published; every other rule starts at the document's 成文日期 (its formation,
 * decision or approval date). Null: not started yet.
 */
export function clockStart(rule: ClockRule, doc: ClockSubject): string | null {
  if (rule.start === 'policy.published') return doc.policyPublishedOn ?? null;
  return doc.writtenAt;
}

/** The statement that sets (or clears) a document's statutory clock. */
/** The clock row a document should have now, or null when its clock has not started or it has none. */
export function documentClockRow(calendar: WorkCalendar, doc: ClockSubject, ruleKey: string | null) {
  const rule = ruleFor(ruleKey);
  const startedOn = rule ? clockStart(rule, doc) : null;
  if (!rule || !startedOn) return null;
  const result = computeDeadline(rule, [{ name: rule.start, date: startedOn }], calendar);
  return { documentId: doc.id, rule: rule.key, startedOn, dueDate: result.due ?? startedOn, provisional: result.provisional };
}

export function documentClockStatement(db: Db, calendar: WorkCalendar, doc: ClockSubject, ruleKey: string | null): BatchItem<'sqlite'> {
  const row = documentClockRow(calendar, doc, ruleKey);
  if (!row) return db.delete(documentClocks).where(eq(documentClocks.documentId, doc.id));
  return db.insert(documentClocks).values(row).onConflictDoUpdate({ target: documentClocks.documentId, set: row });
}

/**
 * After the calendar changed (an admin's entry, or a newer holiday package at start-up):
 * recompute every open task's due date and every running statutory clock; writes only what moved.
 */
export async function recomputeOpenDeadlines(ctx: ServiceContext): Promise<{ tasks: number; documents: number }> {
  const { db } = ctx.database;
  const calendar = await loadWorkCalendar(ctx);
  const openTasks = await db
    .select({ id: tasks.id, step: tasks.step, createdAt: tasks.createdAt, dueDate: tasks.dueDate, dueProvisional: tasks.dueProvisional, workflowKey: documents.workflowKey, workflowVersion: documents.workflowVersion })
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .where(and(eq(tasks.status, literal('open')), isNotNull(tasks.dueDate)));
  const statements: BatchItem<'sqlite'>[] = [];
  let movedTasks = 0;
  const pinnedDefinition = await definitionLookup(db, openTasks);
  for (const t of openTasks) {
    const due = taskDue(pinnedDefinition(t.workflowKey, t.workflowVersion), t.step, t.createdAt, calendar);
    if (due.dueDate === t.dueDate && due.dueProvisional === t.dueProvisional) continue;
    movedTasks++;
    statements.push(db.update(tasks).set(due).where(eq(tasks.id, t.id)));
  }
  const running = await db
    .select({ id: documents.id, startedOn: documentClocks.startedOn, dueDate: documentClocks.dueDate, provisional: documentClocks.provisional, clockRule: categories.clockRule })
    .from(documents)
    .innerJoin(documentClocks, eq(documentClocks.documentId, documents.id))
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .where(inArray(documents.status, CLOCK_RUNNING_STATUSES));
  // A running clock keeps the day it started; only the counting from it changes.
  let movedDocs = 0;
  for (const doc of running) {
    const subject = { id: doc.id, writtenAt: doc.startedOn, policyPublishedOn: doc.startedOn };
    const row = documentClockRow(calendar, subject, doc.clockRule);
    if (row && row.dueDate === doc.dueDate && row.provisional === doc.provisional) continue;
    movedDocs++;
    statements.push(documentClockStatement(db, calendar, subject, doc.clockRule));
  }
  const counts = { tasks: movedTasks, documents: movedDocs };
  if (statements.length) await commitChange(ctx, statements, [{ at: ctx.now(), actorId: null, action: 'deadlines.recomputed', detail: counts }]);
  return counts;
}
