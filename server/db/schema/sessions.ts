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
