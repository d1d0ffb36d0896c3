import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { departments, userRoles, users } from '../db/schema/index';
import { isRole, type Role } from '../../workflows/roles';

/** A signed-in user as every service and the client see them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  department: { id: string; code: string; name: string };
}

export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      departmentId: departments.id,
      departmentCode: departments.code,
      departmentName: departments.name,
      role: userRoles.role,
    })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.id, userId));
  const first = rows[0];
  if (!first || first.disabled) return null;
  return {
    id: first.id,
    username: first.username,
    displayName: first.displayName,
    roles: rows.map((r) => r.role).filter((r): r is Role => r !== null && isRole(r)),
    department: { id: first.departmentId, code: first.departmentCode, name: first.departmentName },
  };
}
