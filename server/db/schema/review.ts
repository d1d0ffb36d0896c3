import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';
import { users } from './organisation';

/** Work waiting for someone: one open task per document step, offered to a role. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    /** The workflow seat this task stands for (one open task per open seat). */
    seatId: text('seat_id').notNull(),
    role: text('role').notNull(),
    /** Set when the task belongs to one person (the drafter after a return); else the role's pool. */
    assigneeId: text('assignee_id').references(() => users.id),
    round: integer('round').notNull(),
    status: text('status').notNull(), // open | done | cancelled
    createdAt: integer('created_at').notNull(),
    /** Last day (CST, YYYY-MM-DD) to act, from the step's working-day limit; null when the step has none. */
    dueDate: text('due_date'),
    /** The due date ran into a year whose holiday notice is not known yet. */
    dueProvisional: integer('due_provisional', { mode: 'boolean' }).notNull().default(false),
    completedBy: text('completed_by').references(() => users.id),
    completedAt: integer('completed_at'),
    outcome: text('outcome'),
    /**
     * The document's 科室, copied by triggers (migration tasks_clocks_department_triggers) when
     * the task is written and when the document moves, so a section member's deadline board
     * reads its section's open tasks on an index in due order instead of walking every due task
     * in the bureau and looking up each one's document.
     */
    departmentId: text('department_id'),
  },
  (t) => [
    index('tasks_document').on(t.documentId),
    // Only open tasks are looked up by role, person or due date, and they are few beside the
    // bureau's history of done ones: partial indexes hold just them, so closing a task deletes
    // one entry from each instead of moving it within an index led by status, and they stay
    // small as the history grows.
    // 我的待办 offered to a role, newest first; reminders and the board's list, in due order.
    index('tasks_open_role_created').on(t.role, t.createdAt).where(sql`${t.status} = 'open'`),
    index('tasks_open_due_date').on(t.dueDate).where(sql`${t.status} = 'open'`),
    // The deadline board of a section member: open tasks of a 科室, of a role and of a person
    // (also 我的待办's tasks assigned to the user), in due order.
    index('tasks_open_department_due').on(t.departmentId, t.dueDate).where(sql`${t.status} = 'open'`),
    index('tasks_open_role_due').on(t.role, t.dueDate).where(sql`${t.status} = 'open'`),
    index('tasks_open_assignee_due').on(t.assigneeId, t.dueDate).where(sql`${t.status} = 'open'`),
    // The dashboard's time per step: one step's done tasks completed in a range of dates are
    // one run of this index, with what it reads of each (covering), so each step's durations
    // come out in a single pass with no sort (dashboard-service.ts). Led by the completion date
    // instead, the steps interleave and grouping them by step sorted two million rows at a
    // million documents. A task is completed now, so each closing appends at its step's end.
    index('tasks_done_step').on(t.step, t.completedAt, t.createdAt, t.departmentId).where(sql`${t.status} = 'done'`),
  ],
);

/** What a reviewer decided at a step, with the five checks; feeds history and the review sheet. */
export const reviewRecords = sqliteTable(
  'review_records',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    taskId: text('task_id'),
    round: integer('round').notNull(),
    step: text('step').notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    decision: text('decision').notNull(),
    opinion: text('opinion').notNull().default(''),
    checks: text('checks', { mode: 'json' }).$type<Record<string, boolean>>(),
    /** The step's opinion form as filled in (key, version and parsed values), when the step names one. */
    opinionForm: text('opinion_form', { mode: 'json' }).$type<{ key: string; version: number; values: Record<string, unknown> }>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('review_records_document').on(t.documentId, t.createdAt)],
);

/**
 * Append-only record of every state change (UPDATE and DELETE are refused by triggers), one
 * hash chain: a trigger refuses a row whose prev_hash is not the hash of the last row, so two
 * writers can never fork the chain (migration 20261125061749_audit_log_linear_chain).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    // The rowid: one more than the last row's. No AUTOINCREMENT (whose sqlite_sequence row every
    // append rewrote): rows are never deleted, so a number is never given twice anyway.
    seq: integer('seq').primaryKey(),
    at: integer('at').notNull(),
    actorId: text('actor_id'),
    documentId: text('document_id'),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    detail: text('detail'),
    /** Hash of the previous row ('' for the first): the chain trigger checks it against the tip. */
    prevHash: text('prev_hash').notNull(),
    /** SHA-256 of prevHash and this row's content; see services/audit-chain.ts. */
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_document').on(t.documentId, t.seq),
    // The audit page's filters by action and by person, newest first, and its list of the
    // actions present (walked one distinct value at a time): without them each read the whole
    // log (5 s for the distinct actions over 6.1M rows at 1M documents).
    index('audit_action').on(t.action, t.seq),
    index('audit_actor').on(t.actorId, t.seq),
  ],
);
