import { and, asc, eq, ne } from 'drizzle-orm';
import { departments, userRoles, users } from '../db/schema/index';
import { currentStep } from '../../workflows/index';
import { loadViewableDocument } from './document-view-service';
import { pinnedDefinition } from './workflow-definitions';
import { reviewState } from './document-store';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/**
 * People the holder of a task may hand it to (转办: colleagues with the step's role) or add as
 * a signer (加签: anyone active). Never the drafter or oneself; the workflow checks the rest.
 */
export async function listColleagues(ctx: ServiceContext, user: SessionUser, documentId: string) {
  const { db } = ctx.database;
  const { doc } = await loadViewableDocument(ctx, user, documentId);
  const step = currentStep(await pinnedDefinition(db, doc.workflowKey, doc.workflowVersion), reviewState(doc));
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, departmentName: departments.name, role: userRoles.role })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.disabled, false), ne(users.id, user.id), ne(users.id, doc.drafterId)))
    .orderBy(asc(users.displayName));
  const people = new Map<string, { id: string; name: string; departmentName: string; roles: string[] }>();
  for (const r of rows) {
    const person = people.get(r.id) ?? { id: r.id, name: r.displayName, departmentName: r.departmentName, roles: [] };
    if (r.role) person.roles.push(r.role);
    people.set(r.id, person);
  }
  const all = [...people.values()];
  return {
    transferTo: step?.role ? all.filter((p) => p.roles.includes(step.role!)) : [],
    addSigners: all,
  };
}
