import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../db/schema/index';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordProblems } from '../../forms/password-rules';
import { badRequest, notFound } from './errors';
import { commitChange } from './commit';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/**
 * 退出所有设备: every session of the user ends, the caller's own included, so a token left
 * on a shared or lost computer stops working on its next request.
 */
export async function signOutEverywhere(ctx: ServiceContext, user: SessionUser): Promise<{ ended: number }> {
  const { db } = ctx.database;
  const open = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
  await commitChange(ctx, [db.delete(sessions).where(eq(sessions.userId, user.id))], [
    { at: ctx.now(), actorId: user.id, action: 'session.signed_out_everywhere', detail: { sessions: open.length } },
  ]);
  return { ended: open.length };
}

/**
 * Changes the caller's password after checking the current one. Every other session ends
 * (whoever knew the old password may be signed in elsewhere); the caller's own stays.
 */
export async function changePassword(ctx: ServiceContext, user: SessionUser, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
  const { db } = ctx.database;
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row) throw notFound('用户不存在');
  if (!(await verifyPassword(row.passwordHash, currentPassword))) throw badRequest('「当前密码」不正确');
  const problems = passwordProblems(newPassword, user.username);
  if (problems.length) throw badRequest(`「新密码」${problems[0]!.replace(/^密码/, '')}`);
  const passwordHash = await hashPassword(newPassword);
  await commitChange(
    ctx,
    [
      db.update(users).set({ passwordHash }).where(eq(users.id, user.id)),
      db.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId))),
    ],
    [{ at: ctx.now(), actorId: user.id, action: 'user.password_changed' }],
  );
}
