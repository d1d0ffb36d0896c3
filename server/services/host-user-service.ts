/**
 * Users who come from a host application (embedded Shenfa with `auth: { mode: 'host' }`):
 * the host has already authenticated them; Shenfa keeps its own row for each so that
 * drafts, tasks, audit rows and authorization work exactly as for its own users.
 */
import { eq } from 'drizzle-orm';
import { departments, userRoles, users } from '../db/schema/index';
import { isRole, type Role } from '../../workflows/roles';
import { commitChange } from './commit';
import { loadSessionUser, type SessionUser } from './users';
import type { ServiceContext } from './service-context';
import { log } from '../log';

/** What a host tells Shenfa about its signed-in user. */
export interface HostUser {
  /** The host's stable login name; Shenfa's user of the same username is this person. */
  username: string;
  /** Shown in Shenfa; taken when the user is first seen. Defaults to the username. */
  displayName?: string;
  /**
   * Given: the host decides the roles, and Shenfa's copy follows them on every request.
   * Omitted: Shenfa's admin decides them (页面「用户与角色」); a new user starts with the
   * factory's `defaultRoles`.
   */
  roles?: readonly string[];
  /** Code of the user's 科室, taken when first seen; created if Shenfa does not have it yet. */
  department?: { code: string; name?: string };
}

/** Where a host user without a department is put (created on first need). */
export const UNASSIGNED_DEPARTMENT = { code: 'unassigned', name: '未分配科室' } as const;

/**
 * Stored in place of a password hash: not an argon2 hash, so no password ever matches it.
 * A host user signs in through the host only.
 */
const NO_PASSWORD = '!host-managed';

function knownRoles(roles: readonly string[]): Role[] {
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) log.warn({ unknown }, 'host user roles Shenfa does not know were ignored');
  return [...new Set(roles.filter(isRole))].sort();
}

/**
 * The Shenfa user for a host's signed-in user: created on first sight (one transaction with
 * its audit row), roles brought in line when the host manages them. Null when Shenfa's admin
 * has disabled the user: the host cannot override that.
 */
export async function provisionHostUser(ctx: ServiceContext, host: HostUser, defaultRoles: readonly Role[]): Promise<SessionUser | null> {
  const { db } = ctx.database;
  const username = host.username.trim();
  if (!username || username.length > 64) throw new Error('host user has no usable username');
  const find = async () => (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0];
  const existing = await find();
  if (existing) {
    if (host.roles) await syncRoles(ctx, existing.id, username, knownRoles(host.roles));
    return loadSessionUser(db, existing.id);
  }
  try {
    await createHostUser(ctx, username, host, host.roles ? knownRoles(host.roles) : [...defaultRoles]);
  } catch (error) {
    // Two first requests of the same person at once: the other one created the row.
    if (!(await find())) throw error;
  }
  const created = await find();
  return created ? loadSessionUser(db, created.id) : null;
}

async function departmentFor(ctx: ServiceContext, wanted: HostUser['department']) {
  const { db } = ctx.database;
  const code = wanted?.code.trim() || UNASSIGNED_DEPARTMENT.code;
  const [existing] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  if (existing) return { id: existing.id, insert: null };
  const id = crypto.randomUUID();
  const name = wanted ? wanted.name?.trim() || code : UNASSIGNED_DEPARTMENT.name;
  return { id, insert: db.insert(departments).values({ id, code, name }) };
}

async function createHostUser(ctx: ServiceContext, username: string, host: HostUser, roles: Role[]): Promise<void> {
  const { db } = ctx.database;
  const now = ctx.now();
  const id = crypto.randomUUID();
  const department = await departmentFor(ctx, host.department);
  const displayName = host.displayName?.trim().slice(0, 64) || username;
  await commitChange(
    ctx,
    [
      ...(department.insert ? [department.insert] : []),
      db.insert(users).values({ id, username, displayName, passwordHash: NO_PASSWORD, departmentId: department.id, createdAt: now }),
      ...(roles.length > 0 ? [db.insert(userRoles).values(roles.map((role) => ({ userId: id, role })))] : []),
    ],
    [{ at: now, actorId: id, action: 'user.provisioned_from_host', detail: { userId: id, username, displayName, roles, departmentId: department.id } }],
  );
}

/** Host-managed roles: the same change as 「用户与角色」 makes, with the host as its source. */
async function syncRoles(ctx: ServiceContext, userId: string, username: string, wanted: Role[]): Promise<void> {
  const { db } = ctx.database;
  const current = (await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
  if (current.join(',') === wanted.join(',')) return;
  await commitChange(
    ctx,
    [db.delete(userRoles).where(eq(userRoles.userId, userId)), ...(wanted.length > 0 ? [db.insert(userRoles).values(wanted.map((role) => ({ userId, role })))] : [])],
    [{ at: ctx.now(), actorId: null, action: 'user.roles_changed', detail: { userId, username, from: current, to: wanted, source: 'host' } }],
  );
}
