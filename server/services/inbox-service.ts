import { and, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, documents, tasks, users } from '../db/schema/index';
import { availableEvents, type PersistedReview } from '../../workflows/index';
import { definitionLookup } from './workflow-definitions';
import { stepLabel } from './document-view-service';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

/** 我的待办: open tasks this user may act on now. */
export async function listMyTasks(ctx: ServiceContext, user: SessionUser) {
  const { db } = ctx.database;
  const drafter = alias(users, 'drafter');
  const roleFilter = user.roles.length ? and(isNull(tasks.assigneeId), inArray(tasks.role, user.roles), ne(documents.drafterId, user.id)) : undefined;
  const rows = await db
    .select({
      taskId: tasks.id,
      step: tasks.step,
      createdAt: tasks.createdAt,
      dueDate: tasks.dueDate,
      dueProvisional: tasks.dueProvisional,
      documentId: documents.id,
      version: documents.version,
      title: documents.title,
      docNumber: documents.docNumber,
      attribute: documents.attribute,
      status: documents.status,
      snapshot: documents.snapshot,
      workflowKey: documents.workflowKey,
      workflowVersion: documents.workflowVersion,
      categoryName: categories.nameZh,
      drafterName: drafter.displayName,
    })
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .innerJoin(drafter, eq(drafter.id, documents.drafterId))
    .where(and(eq(tasks.status, 'open'), or(eq(tasks.assigneeId, user.id), roleFilter)))
    .orderBy(desc(tasks.createdAt))
    .limit(200);
  const actor = { id: user.id, roles: user.roles };
  const pinnedDefinition = await definitionLookup(db, rows);
  return rows
    .filter((r) => r.status === 'returned' || availableEvents(pinnedDefinition(r.workflowKey, r.workflowVersion), r.snapshot as PersistedReview, actor).length > 0)
    .map(({ snapshot: _s, workflowKey, workflowVersion, ...r }) => ({ ...r, stepLabel: stepLabel(pinnedDefinition(workflowKey, workflowVersion), r.step) }));
}

/** 我的起草: the user's own documents, most recently changed first, with where each stands. */
export async function listMyDocuments(ctx: ServiceContext, user: SessionUser) {
  const { db } = ctx.database;
  const rows = await db
    .select({
      id: documents.id,
      title: documents.title,
      docNumber: documents.docNumber,
      attribute: documents.attribute,
      status: documents.status,
      currentStep: documents.currentStep,
      workflowKey: documents.workflowKey,
      workflowVersion: documents.workflowVersion,
      indexNumber: documents.indexNumber,
      updatedAt: documents.updatedAt,
      categoryName: categories.nameZh,
    })
    .from(documents)
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .where(eq(documents.drafterId, user.id))
    .orderBy(desc(documents.updatedAt))
    .limit(500);
  const pinnedDefinition = await definitionLookup(db, rows);
  return rows.map(({ workflowKey, workflowVersion, ...r }) => ({ ...r, stepLabel: stepLabel(pinnedDefinition(workflowKey, workflowVersion), r.currentStep) }));
}
