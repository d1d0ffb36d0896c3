import { eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { tasks } from '../db/schema/index';
import { openSeats, reviewStatus, stepById, type PersistedReview, type WorkflowDefinition } from '../../workflows/index';
import type { Db } from '../db/client';
import { placeholder, preparedWrite } from '../db/prepared';
import type { TaskRow } from './document-store';

/** The drafter's own task after a return (修改后重新提交); not a workflow seat. */
export const DRAFTER_SEAT = 'draft#drafter';

export interface WantedTask {
  seatId: string;
  step: string;
  role: string;
  assigneeId: string | null;
}

/**
 * The open tasks a state calls for: one per open, unblocked seat of the current step, or the
 * drafter's after a return; none in draft or at an end.
 */
export function wantedTasks(def: WorkflowDefinition, state: PersistedReview, drafterId: string): WantedTask[] {
  const status = reviewStatus(state, def);
  if (status === 'returned') return [{ seatId: DRAFTER_SEAT, step: state.value, role: 'drafter', assigneeId: drafterId }];
  if (status !== 'in_review' && status !== 'awaiting_publication') return [];
  const stepRole = stepById(def, state.value)?.role ?? 'named';
  return openSeats(def, state)
    .filter((seat) => !seat.blockedBy)
    .map((seat) => ({ seatId: seat.id, step: seat.stepId, role: seat.role ?? stepRole, assigneeId: seat.userId }));
}

const keyOf = (t: { seatId: string; step: string; assigneeId: string | null }) => `${t.step}|${t.seatId}|${t.assigneeId ?? ''}`;

export interface TaskSync {
  close: { task: TaskRow; status: 'done' | 'cancelled' | 'closed' }[];
  open: WantedTask[];
}

/**
 * What to change so the open tasks match the state: a task whose seat still waits with the
 * same holder stays open (its due date and history with it); the rest close, new seats open.
 * The task acted on closes as done (or cancelled for a recall); others as closed.
 */
export function syncTasks(openTasks: readonly TaskRow[], wanted: readonly WantedTask[], acted: { taskId: string | null; recall: boolean }): TaskSync {
  const wantedKeys = new Set(wanted.map(keyOf));
  const openKeys = new Set(openTasks.map(keyOf));
  return {
    close: openTasks
      .filter((t) => t.id === acted.taskId || !wantedKeys.has(keyOf(t)))
      .map((task) => ({ task, status: task.id === acted.taskId ? (acted.recall ? 'cancelled' : 'done') : 'closed' })),
    open: wanted.filter((w) => !openKeys.has(keyOf(w)) || openTasks.some((t) => t.id === acted.taskId && keyOf(t) === keyOf(w))),
  };
}

export function closeTaskStatement(db: Db, close: TaskSync['close'][number], actorId: string, outcome: string, now: number): BatchItem<'sqlite'> {
  if (close.status === 'closed') return closeSuperseded(db)({ status: close.status, completedAt: now, id: close.task.id });
  return closeActed(db)({ status: close.status, completedAt: now, completedBy: actorId, outcome, id: close.task.id });
}

/** The task acted on: who closed it and how. */
const closeActed = (db: Db) =>
  preparedWrite<{ status: string; completedAt: number; completedBy: string; outcome: string; id: string }>(db, 'tasks.closeActed', (d) =>
    d.update(tasks).set({ status: placeholder('status'), completedAt: placeholder('completedAt'), completedBy: placeholder('completedBy'), outcome: placeholder('outcome') }).where(eq(tasks.id, sql.placeholder('id'))),
  );

/** A seat the step no longer has: closed by the change, acted on by nobody. */
const closeSuperseded = (db: Db) =>
  preparedWrite<{ status: string; completedAt: number; id: string }>(db, 'tasks.closeSuperseded', (d) =>
    d.update(tasks).set({ status: placeholder('status'), completedAt: placeholder('completedAt'), outcome: 'superseded' }).where(eq(tasks.id, sql.placeholder('id'))),
  );

/**
 * A new open task (every column given: a prepared insert cannot fall back to a default). Its
 * 科室 is the document's, given here so the trigger that would copy it has nothing to do.
 */
export const openTaskStatement = (db: Db) =>
  preparedWrite<{ id: string; documentId: string; departmentId: string; step: string; seatId: string; role: string; assigneeId: string | null; round: number; createdAt: number; dueDate: string | null; dueProvisional: boolean }>(db, 'tasks.open', (d) =>
    d.insert(tasks).values({
      id: placeholder('id'),
      documentId: placeholder('documentId'),
      departmentId: placeholder('departmentId'),
      step: placeholder('step'),
      seatId: placeholder('seatId'),
      role: placeholder('role'),
      assigneeId: placeholder('assigneeId'),
      round: placeholder('round'),
      status: 'open',
      createdAt: placeholder('createdAt'),
      dueDate: placeholder('dueDate'),
      dueProvisional: placeholder('dueProvisional'),
    }),
  );
