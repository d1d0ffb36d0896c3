import { and, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, documents, tasks, users } from '../db/schema/index';
import { hasAvailableEvent, type PersistedReview } from '../../workflows/index';
import { definitionLookup } from './workflow-definitions';
import { stepName } from './document-view-service';
import { literal, preparedQuery } from '../db/prepared';
import type { Db } from '../db/client';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

const INBOX_LIMIT = 200;

/**
 * Whether a user may act on a document now, by document version (every write bumps it, and the
 * pinned definition and saved state are fixed for a version) and user (id and roles): the
 * workflow check needs each row's saved state and a run of the XState machine, which was most
 * of the inbox's time, and a reviewer's inbox is viewed again and again with few rows changed.
 * Guards are pure functions of the state and the actor. Emptied past MAY_ACT_LIMIT entries.
 */
const mayAct = new Map<string, boolean>();
const MAY_ACT_LIMIT = 100_000;

/** The columns of an inbox row: the task and what the list shows of its document. */
function inboxRows(d: Db, where: SQL | undefined) {
  const drafter = alias(users, 'drafter');
  return d
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
      workflowKey: documents.workflowKey,
      workflowVersion: documents.workflowVersion,
      categoryName: categories.nameZh,
      drafterName: drafter.displayName,
    })
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .innerJoin(drafter, eq(drafter.id, documents.drafterId))
    .where(where)
    .orderBy(desc(tasks.createdAt))
    .limit(INBOX_LIMIT);
}

// Built once per database (prepared.ts): a reviewer's inbox is read on every visit and refresh.
const assignedQuery = (db: Db) =>
  preparedQuery(db, 'inbox.assigned', (d) => inboxRows(d, and(eq(tasks.status, literal('open')), eq(tasks.assigneeId, sql.placeholder('userId')))).prepare());
const offeredQuery = (db: Db) =>
  preparedQuery(db, 'inbox.offered', (d) =>
    inboxRows(d, and(eq(tasks.status, literal('open')), eq(tasks.role, sql.placeholder('role')), isNull(tasks.assigneeId), ne(documents.drafterId, sql.placeholder('userId')))).prepare(),
  );

/**
 * 我的待办: open tasks this user may act on now, newest first. One query for the tasks
 * assigned to the user (tasks_open_assignee_due: a person's few open tasks, sorted) and one
 * per role for the tasks offered to it (tasks_open_role_created, walked in created order and
 * stopping at the limit), then
 * merged: an `assignee OR role IN (…)` condition in one query cannot use the index's order, so
 * it read and sorted every open task of the user's roles.
 */
export async function listMyTasks(ctx: ServiceContext, user: SessionUser) {
  const { db } = ctx.database;
  const parts = await Promise.all([
    assignedQuery(db).all({ userId: user.id }),
    ...[...new Set(user.roles)].map((role) => offeredQuery(db).all({ role, userId: user.id })),
  ]);
  const rows = parts.flat().sort((a, b) => b.createdAt - a.createdAt).slice(0, INBOX_LIMIT);
  const actor = { id: user.id, roles: user.roles };
  const who = `${user.id}|${[...user.roles].sort().join(',')}`;
  const keyOf = (id: string, version: number) => `${id}@${version}|${who}`;
  const pinnedDefinition = await definitionLookup(db, rows);
  const unknown = [...new Set(rows.filter((r) => r.status !== 'returned' && !mayAct.has(keyOf(r.documentId, r.version))).map((r) => r.documentId))];
  const answered = new Map<string, boolean>();
  for (let at = 0; at < unknown.length; at += 500) {
    const states = await db.select({ id: documents.id, version: documents.version, snapshot: documents.snapshot, workflowKey: documents.workflowKey, workflowVersion: documents.workflowVersion }).from(documents).where(inArray(documents.id, unknown.slice(at, at + 500)));
    const definitionOf = await definitionLookup(db, states);
    for (const d of states) {
      const may = hasAvailableEvent(definitionOf(d.workflowKey, d.workflowVersion), d.snapshot as PersistedReview, actor);
      if (mayAct.size >= MAY_ACT_LIMIT) mayAct.clear();
      mayAct.set(keyOf(d.id, d.version), may);
      answered.set(d.id, may);
    }
  }
  return rows
    .filter((r) => r.status === 'returned' || (mayAct.get(keyOf(r.documentId, r.version)) ?? answered.get(r.documentId) ?? false))
    .map((r) => ({
      taskId: r.taskId, step: r.step, createdAt: r.createdAt, dueDate: r.dueDate, dueProvisional: r.dueProvisional, documentId: r.documentId, version: r.version, title: r.title,
      docNumber: r.docNumber, attribute: r.attribute, status: r.status, categoryName: r.categoryName, drafterName: r.drafterName, stepLabel: stepName(pinnedDefinition(r.workflowKey, r.workflowVersion), r.step),
    }));
}

/** 我的起草: the user's own documents, most recently changed first, with where each stands. */
export async function listMyDocuments(ctx: ServiceContext, user: SessionUser) {
  const { db } = ctx.database;
  // A drafter's landing list: prepared once per database.
  const rows = await preparedQuery(db, 'documents.ofDrafter', (d) =>
    d
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
      .where(eq(documents.drafterId, sql.placeholder('drafterId')))
      .orderBy(desc(documents.updatedAt))
      .limit(500)
      .prepare(),
  ).all({ drafterId: user.id });
  const pinnedDefinition = await definitionLookup(db, rows);
  return rows.map(({ workflowKey, workflowVersion, ...r }) => ({ ...r, stepLabel: stepName(pinnedDefinition(workflowKey, workflowVersion), r.currentStep) }));
}
