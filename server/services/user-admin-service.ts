import { asc, eq } from 'drizzle-orm';
import { departments, sessions, userRoles, users } from '../db/schema/index';
import { isRole, type Role } from '../../workflows/roles';
import { badRequest, notFound } from './errors';
import { commitChange } from './commit';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  department: string;
  roles: Role[];
  disabled: boolean;
}

/** Every user of the bureau, for the admin's user list (no password hashes). */
export async function listUsers(ctx: ServiceContext): Promise<UserSummary[]> {
  const { db } = ctx.database;
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled, department: departments.name, role: userRoles.role })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .orderBy(asc(users.username), asc(userRoles.role));
  const byId = new Map<string, UserSummary>();
  for (const r of rows) {
    const summary = byId.get(r.id) ?? { id: r.id, username: r.username, displayName: r.displayName, department: r.department, roles: [], disabled: r.disabled };
    if (r.role && isRole(r.role)) summary.roles.push(r.role);
    byId.set(r.id, summary);
  }
  return [...byId.values()];
}

async function existingUser(ctx: ServiceContext, userId: string) {
  const [row] = await ctx.database.db.select({ id: users.id, username: users.username, disabled: users.disabled }).from(users).where(eq(users.id, userId));
  if (!row) throw notFound('用户不存在');
  return row;
}

/**
 * Disables or enables a user. Disabling ends every session of theirs in the same
 * transaction, so their next request is already signed out; sign-in refuses them too.
 * An admin cannot disable themselves (nobody would be left to undo it).
 */
export async function setUserDisabled(ctx: ServiceContext, actor: SessionUser, userId: string, disabled: boolean): Promise<void> {
  const { db } = ctx.database;
  if (disabled && userId === actor.id) throw badRequest('不能停用自己的账号');
  const target = await existingUser(ctx, userId);
  if (target.disabled === disabled) return;
  await commitChange(
    ctx,
    [db.update(users).set({ disabled }).where(eq(users.id, userId)), ...(disabled ? [db.delete(sessions).where(eq(sessions.userId, userId))] : [])],
    [{ at: ctx.now(), actorId: actor.id, action: disabled ? 'user.disabled' : 'user.enabled', detail: { userId, username: target.username } }],
  );
}

/**
 * Replaces a user's roles. Their sessions end in the same transaction (rotation on role
 * change): roles are read from the database on every request anyway, but ending the
 * sessions means no token issued under the old roles outlives the change, and the user
 * signs in again to a fresh token and a client that shows the new menu.
 */
export async function setUserRoles(ctx: ServiceContext, actor: SessionUser, userId: string, roles: readonly Role[]): Promise<void> {
  const { db } = ctx.database;
  const wanted = [...new Set(roles)].sort();
  if (wanted.length === 0) throw badRequest('请至少选择一个角色');
  if (userId === actor.id && !wanted.includes('admin')) throw badRequest('不能取消自己的管理员角色');
  const target = await existingUser(ctx, userId);
  const current = (await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
  if (current.join(',') === wanted.join(',')) return;
  await commitChange(
    ctx,
    [
      db.delete(userRoles).where(eq(userRoles.userId, userId)),
      db.insert(userRoles).values(wanted.map((role) => ({ userId, role }))),
      db.delete(sessions).where(eq(sessions.userId, userId)),
    ],
    [{ at: ctx.now(), actorId: actor.id, action: 'user.roles_changed', detail: { userId, username: target.username, from: current, to: wanted } }],
  );
}
