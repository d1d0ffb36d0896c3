import { sql } from 'drizzle-orm';
import { notifications, type NotificationParams } from '../db/schema/index';
import type { Db } from '../db/client';
import { orderedId } from '../db/ordered-id';
import type { LocalizedText } from '../../workflows/index';
import { placeholder, preparedWrite } from '../db/prepared';

export interface NewTaskNotice {
  documentId: string;
  title: string;
  drafterId: string;
  actorId: string;
  /** The task's holder when it belongs to one person (a named signer, the drafter after a return). */
  assigneeId: string | null;
  role: string;
  /** The step's label from the workflow definition, in both languages. */
  stepLabel: LocalizedText;
  /** Set when the document went back to the drafter: the reviewer's opinion. */
  returnedWith: string | null;
  at: number;
}

/** The Chinese text, stored with the row for e-mail (sent in Chinese) and for older clients. */
export function newTaskMessage(notice: Pick<NewTaskNotice, 'title' | 'stepLabel' | 'returnedWith'>): string {
  return notice.returnedWith !== null ? `「${notice.title}」被退回修改。意见：${notice.returnedWith}` : `「${notice.title}」待您办理：${notice.stepLabel.zh}。`;
}

/** The same facts as data, which the list renders in the reader's language. The opinion goes only to the drafter's return task. */
export function newTaskParams(notice: Pick<NewTaskNotice, 'title' | 'stepLabel' | 'returnedWith'>): NotificationParams {
  return notice.returnedWith !== null ? { title: notice.title, opinion: notice.returnedWith } : { title: notice.title, step: notice.stepLabel };
}

/**
 * The notifications for a task that just opened, for the same batch as the task: to its
 * holder, or to everyone who could take it from the role's pool — the same people the inbox
 * shows it to (the role, not disabled, not the drafter), minus whoever caused it.
 */
export function newTaskNotificationStatements(db: Db, notice: NewTaskNotice) {
  const kind = notice.returnedWith !== null ? 'task.returned' : 'task.new';
  // Time-ordered ids: the inserts of one group commit land on the same last page of the key index.
  const message = newTaskMessage(notice);
  const params = newTaskParams(notice);
  if (notice.assigneeId) {
    if (notice.assigneeId === notice.actorId) return [];
    return [notifyHolder(db)({ id: orderedId(notice.at), userId: notice.assigneeId, kind, documentId: notice.documentId, message, params, createdAt: notice.at })];
  }
  return [notifyPool(db)({ at: notice.at, kind, documentId: notice.documentId, message, params: JSON.stringify(params), role: notice.role, drafterId: notice.drafterId, actorId: notice.actorId })];
}

// Both built once per database (db/prepared.ts): a review step that opens a task writes one of them.
const notifyHolder = (db: Db) =>
  preparedWrite<{ id: string; userId: string; kind: string; documentId: string; message: string; params: NotificationParams; createdAt: number }>(db, 'notifications.toHolder', (d) =>
    d.insert(notifications).values({ id: placeholder('id'), userId: placeholder('userId'), kind: placeholder('kind'), documentId: placeholder('documentId'), message: placeholder('message'), params: placeholder('params'), createdAt: placeholder('createdAt') }),
  );

const notifyPool = (db: Db) =>
  preparedWrite<{ at: number; kind: string; documentId: string; message: string; params: string; role: string; drafterId: string; actorId: string }>(db, 'notifications.toPool', (d) =>
    d.run(sql`
      INSERT INTO notifications (id, user_id, kind, document_id, message, params, created_at)
      SELECT printf('%012x', ${sql.placeholder('at')}) || lower(hex(randomblob(10))), u.id, ${sql.placeholder('kind')}, ${sql.placeholder('documentId')}, ${sql.placeholder('message')}, ${sql.placeholder('params')}, ${sql.placeholder('at')}
      FROM user_roles r JOIN users u ON u.id = r.user_id
      WHERE r.role = ${sql.placeholder('role')} AND u.disabled = 0 AND u.id <> ${sql.placeholder('drafterId')} AND u.id <> ${sql.placeholder('actorId')}`),
  );
