import { eq } from 'drizzle-orm';
import { departments, userRoles, users } from '../db/schema/index';
import { hashPassword } from '../auth/password';
import { commitChange } from '../services/commit';
import { badRequest } from '../services/errors';
import { passwordProblems } from '../../forms/password-rules';
import { isRole, type Role } from '../../workflows/roles';
import type { ServiceContext } from '../services/service-context';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  departmentCode: string;
}

/** Creates a user with roles in a department (used by the CLI and the demo seed). */
export async function createUser(ctx: ServiceContext, input: NewUser, actorId: string | null = null): Promise<string> {
  const { db } = ctx.database;
  if (!/^[a-zA-Z0-9_.-]{2,64}$/.test(input.username)) throw badRequest('用户名只能包含字母、数字、点、下划线和连字符（2–64 位）');
  const problems = passwordProblems(input.password, input.username);
  if (problems.length) throw badRequest(problems[0]!);
  const roles = input.roles.filter(isRole) as Role[];
  if (roles.length !== input.roles.length || roles.length === 0) throw badRequest(`角色无效：${input.roles.join(',')}`);
  const [dept] = await db.select().from(departments).where(eq(departments.code, input.departmentCode));
  if (!dept) throw badRequest(`科室不存在：${input.departmentCode}`);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw badRequest(`用户名已存在：${input.username}`);
  const id = crypto.randomUUID();
  const now = ctx.now();
  const passwordHash = await hashPassword(input.password);
  await commitChange(
    ctx,
    [
      db.insert(users).values({ id, username: input.username, displayName: input.displayName, passwordHash, departmentId: dept.id, createdAt: now }),
      db.insert(userRoles).values(roles.map((role) => ({ userId: id, role }))),
    ],
    [{ at: now, actorId, action: 'user.created', detail: { username: input.username, roles } }],
  );
  return id;
}
