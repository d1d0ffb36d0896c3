import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './organisation';

/**
 * Lucia-style sessions: the id is the SHA-256 of the random token the browser holds,
 * so a leaked table does not leak usable cookies.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Failed sign-ins per key ('user:<name>' or 'ip:<address>') in the current window. In the
 * database, not in memory, so the limit holds across server processes.
 */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  failures: integer('failures').notNull(),
});
