import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { batchedRead, keysList } from '../db/batched-read';
import { departments, sessions, userRoles, users } from '../db/schema/index';
import { isRole, type Role } from '../../workflows/roles';

/** A signed-in user as every service and the client see them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  department: { id: string; code: string; name: string };
}

const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  disabled: users.disabled,
  departmentId: departments.id,
  departmentCode: departments.code,
  departmentName: departments.name,
  role: userRoles.role,
};

type SessionUserRow = { [K in keyof typeof sessionUserColumns]: (typeof sessionUserColumns)[K]['_']['data'] | null };

/** One user from its rows (one per role); null when there is none or it is disabled. */
function sessionUserFromRows(rows: readonly SessionUserRow[]): SessionUser | null {
  const first = rows[0];
  if (!first || first.disabled || !first.id) return null;
  return {
    id: first.id,
    username: first.username!,
    displayName: first.displayName!,
    roles: rows.map((r) => r.role).filter((r): r is Role => r !== null && isRole(r)),
    department: { id: first.departmentId!, code: first.departmentCode!, name: first.departmentName! },
  };
}

export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const rows = await db
    .select(sessionUserColumns)
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.id, userId));
  return sessionUserFromRows(rows);
}

/**
 * A session and its user in one query (every signed-in request asks this): the session's
 * times, and the user as `loadSessionUser` gives it (null when gone or disabled).
 */
export async function loadSessionWithUser(db: Db, sessionId: string): Promise<{ session: { userId: string; expiresAt: number; createdAt: number }; user: SessionUser | null } | null> {
  // Every signed-in request runs this: under load, the requests of one turn in one statement (db/batched-read.ts).
  const rows = await batchedRead(
    db,
    'sessions.withUser',
    (d, key) =>
      d
        .select({ ...sessionUserColumns, sessionId: sessions.id, sessionUserId: sessions.userId, expiresAt: sessions.expiresAt, createdAt: sessions.createdAt })
        .from(sessions)
        .leftJoin(users, eq(users.id, sessions.userId))
        .leftJoin(departments, eq(departments.id, users.departmentId))
        .leftJoin(userRoles, eq(userRoles.userId, users.id))
        .where(key(sessions.id))
        .prepare(),
    (row) => row.sessionId,
  ).load(sessionId);
  const first = rows[0];
  if (!first) return null;
  const user = first.departmentId ? sessionUserFromRows(rows) : null;
  return { session: { userId: first.sessionUserId, expiresAt: first.expiresAt, createdAt: first.createdAt }, user };
}

/**
 * Display names of the users `ids` names (unknown ids are left out), in one prepared read (the
 * ids as one list, `keysList`).
 */
export async function displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await preparedQuery(db, 'users.displayNamesIn', (d) =>
    d.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, keysList())).prepare(),
  ).all({ keys: JSON.stringify([...new Set(ids)]) });
  return new Map(rows.map((u) => [u.id, u.name]));
}
