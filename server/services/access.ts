import type { Role } from '../../workflows/roles';

/** How a user is involved with one document; loaded once, judged by the pure predicates below. */
export interface Involvement {
  isDrafter: boolean;
  /** Has recorded a decision on it (any round). */
  hasActed: boolean;
  /** Its open task is offered to one of the user's roles, or assigned to the user. */
  holdsOpenTask: boolean;
}

const PUBLISHER_STATUSES = new Set(['awaiting_publication', 'published', 'withdrawn']);

/**
 * Who may read a document's full text (including redacted passages and non-public content):
 * only people with a part in its review. Everyone else gets NOT_FOUND.
 */
export function canViewDocument(roles: readonly Role[], status: string, involvement: Involvement): boolean {
  if (involvement.isDrafter || involvement.hasActed || involvement.holdsOpenTask) return true;
  return roles.includes('publisher') && PUBLISHER_STATUSES.has(status);
}

/** Whether an open task is this user's to act on (before the workflow's own guards). */
export function isTaskFor(user: { id: string; roles: readonly Role[] }, task: { role: string; assigneeId: string | null }): boolean {
  if (task.assigneeId) return task.assigneeId === user.id;
  return (user.roles as readonly string[]).includes(task.role);
}
