import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { notifications, users } from '../db/schema/index';
import { preparedQuery } from '../db/prepared';
import { commitChange } from './commit';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export async function listNotifications(ctx: ServiceContext, user: SessionUser) {
  const { db } = ctx.database;
  const items = await preparedQuery(db, 'notifications.latestOfUser', (d) =>
    d
      .select({ id: notifications.id, kind: notifications.kind, documentId: notifications.documentId, message: notifications.message, params: notifications.params, createdAt: notifications.createdAt, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.userId, sql.placeholder('userId')))
      .orderBy(desc(notifications.createdAt))
      .limit(50)
      .prepare(),
  ).all({ userId: user.id });
  return { items, unread: await countUnreadNotifications(ctx, user) };
}

/** Just the unread count, for the header badge that every signed-in page polls each minute: prepared once per database. */
export async function countUnreadNotifications(ctx: ServiceContext, user: SessionUser): Promise<number> {
  const row = await preparedQuery(ctx.database.db, 'notifications.unreadCount', (d) =>
    d.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt))).prepare(),
  ).get({ userId: user.id });
  return row?.n ?? 0;
}

/** Marks one notification (or, without an id, all of them) as read. Reading is not a state change of a document, so no audit row. */
export async function markNotificationsRead(ctx: ServiceContext, user: SessionUser, id?: string) {
  const { db } = ctx.database;
  const mine = and(eq(notifications.userId, user.id), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined);
  await db.update(notifications).set({ readAt: ctx.now() }).where(mine);
  return { ok: true as const };
}

export const EMAIL_MODES = ['instant', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** The caller's own e-mail settings, and whether the server can send e-mail at all. */
export async function mailSettings(ctx: ServiceContext, user: SessionUser) {
  const [row] = await ctx.database.db.select({ email: users.email, mode: users.emailMode }).from(users).where(eq(users.id, user.id));
  return { email: row?.email ?? '', mode: (row?.mode ?? 'instant') as EmailMode, smtpConfigured: Boolean(ctx.config.smtpUrl) };
}

export async function setMailSettings(ctx: ServiceContext, user: SessionUser, input: { email: string; mode: EmailMode }) {
  const { db } = ctx.database;
  const now = ctx.now();
  const email = input.email.trim() || null;
  await commitChange(
    ctx,
    [
      db.update(users).set({ email, emailMode: input.mode }).where(eq(users.id, user.id)),
      // E-mail starts from now: what is already waiting stays in the app (emailed_at 0 = skipped).
      db.update(notifications).set({ emailedAt: 0 }).where(and(eq(notifications.userId, user.id), isNull(notifications.emailedAt))),
    ],
    [{ at: now, actorId: user.id, action: 'user.mail_settings', detail: { email, mode: input.mode } }],
  );
  return mailSettings(ctx, user);
}
