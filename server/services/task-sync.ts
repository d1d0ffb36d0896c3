import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { tasks } from '../db/schema/index';
import { openSeats, reviewStatus, stepById, type PersistedReview, type WorkflowDefinition } from '../../workflows/index';
import type { Db } from '../db/client';
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
  const mine = close.status !== 'closed';
  return db
    .update(tasks)
    .set({ status: close.status, completedAt: now, ...(mine ? { completedBy: actorId, outcome } : { outcome: 'superseded' }) })
    .where(eq(tasks.id, close.task.id));
}
