import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';
import { tasks } from './review';
import type { LocalizedText } from '../../../workflows/index';

/** Days an admin has set from the State Council notice; they win over the holiday package. */
export const calendarOverrides = sqliteTable('calendar_overrides', {
  date: text('date').primaryKey(),
  kind: text('kind').notNull(), // workday | holiday
  note: text('note').notNull().default(''),
  createdBy: text('created_by').references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

/** Years whose holiday notice an admin has entered in full, so their deadlines are no longer provisional. */
export const calendarKnownYears = sqliteTable('calendar_known_years', {
  year: integer('year').primaryKey(),
  createdBy: text('created_by').references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

/**
 * One row per reminder that has fired. The unique (task, kind) is the claim: of two server
 * processes scanning at once, only the one whose insert lands sends it.
 */
export const reminders = sqliteTable(
  'reminders',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // due_soon | overdue
    firedAt: integer('fired_at').notNull(),
  },
  (t) => [uniqueIndex('reminders_task_kind').on(t.taskId, t.kind)],
);

/**
 * The facts a notification is made of; its kind says which are set. Only what the recipient
 * may already see: the title, the step, the reviewer's opinion for the drafter, a due date.
 */
export interface NotificationParams {
  title: string;
  /** task.new: the step waiting for the recipient, in both languages. */
  step?: LocalizedText;
  /** task.returned: the reviewer's opinion, for the drafter. */
  opinion?: string;
  /** task.due_soon / task.overdue: the last day (CST, YYYY-MM-DD). */
  due?: string;
}

/** In-app notifications (通知中心). */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    documentId: text('document_id'),
    message: text('message').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
    /** When it went out by e-mail (alone or in a digest); null while it has not; 0 when it predates the user's e-mail settings. */
    emailedAt: integer('emailed_at'),
    /**
     * What the message says, as data, so the list renders it in the reader's language (the
     * Chinese `message` stays for e-mail). Null on rows written before it existed: those show `message`.
     */
    params: text('params', { mode: 'json' }).$type<NotificationParams>(),
  },
  (t) => [index('notifications_user').on(t.userId, t.readAt, t.createdAt), index('notifications_unmailed').on(t.emailedAt, t.createdAt)],
);

/** One row per user and CST day claims that day's digest, so it goes out once across processes. */
export const mailDigests = sqliteTable(
  'mail_digests',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    sentAt: integer('sent_at').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
