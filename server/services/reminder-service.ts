import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { literal } from '../db/prepared';
import { documents, notifications, reminders, tasks, userRoles, users } from '../db/schema/index';
import { deadlineStatus } from '../../workflows/clocks/index';
import { loadWorkCalendar } from './calendar-service';
import { commitChange } from './commit';
import { cstDate } from '../time';
import type { ServiceContext } from './service-context';

const MESSAGES = {
  due_soon: (title: string, due: string) => `「${title}」的审查任务将于 ${due} 到期，请及时办理。`,
  overdue: (title: string, due: string) => `「${title}」的审查任务已于 ${due} 超期，请尽快办理。`,
};

function isAlreadyFired(error: unknown): boolean {
  const text = `${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /UNIQUE constraint failed: reminders\.task_id, reminders\.kind/.test(text);
}

/**
 * Raises in-app reminders for open tasks that are due soon or overdue. Each (task, kind)
 * fires once across all server processes: the reminder row's unique key is the claim, and it
 * is written in the same batch as the notifications, so either both land or neither does.
 */
export async function scanReminders(ctx: ServiceContext): Promise<{ fired: number }> {
  const { db } = ctx.database;
  const calendar = await loadWorkCalendar(ctx);
  const today = cstDate(ctx.now());
  const open = await db
    .select({ id: tasks.id, role: tasks.role, assigneeId: tasks.assigneeId, dueDate: tasks.dueDate, title: documents.title, documentId: documents.id, drafterId: documents.drafterId })
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .where(and(eq(tasks.status, literal('open')), isNotNull(tasks.dueDate)));
  let fired = 0;
  for (const task of open) {
    const state = deadlineStatus(task.dueDate!, today, calendar);
    if (state === 'on_time') continue;
    const [already] = await db.select({ id: reminders.id }).from(reminders).where(and(eq(reminders.taskId, task.id), eq(reminders.kind, state)));
    if (already) continue;
    const recipients = task.assigneeId
      ? [task.assigneeId]
      : (
          await db
            .select({ id: users.id })
            .from(userRoles)
            .innerJoin(users, eq(users.id, userRoles.userId))
            .where(and(inArray(userRoles.role, [task.role]), eq(users.disabled, false), ne(users.id, task.drafterId)))
        ).map((u) => u.id);
    const now = ctx.now();
    const message = MESSAGES[state](task.title, task.dueDate!);
    try {
      await commitChange(
        ctx,
        [
          db.insert(reminders).values({ id: crypto.randomUUID(), taskId: task.id, kind: state, firedAt: now }),
          ...(recipients.length ? [db.insert(notifications).values(recipients.map((userId) => ({ id: crypto.randomUUID(), userId, kind: `task.${state}`, documentId: task.documentId, message, params: { title: task.title, due: task.dueDate! }, createdAt: now })))] : []),
        ],
        [{ at: now, actorId: null, documentId: task.documentId, action: `reminder.${state}`, detail: { taskId: task.id, dueDate: task.dueDate, recipients: recipients.length } }],
      );
      fired++;
    } catch (error) {
      if (!isAlreadyFired(error)) throw error;
    }
  }
  return { fired };
}
