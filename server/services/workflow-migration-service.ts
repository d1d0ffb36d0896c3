/**
 * Instance migration: moving in-flight documents from one stored version of a flow to
 * another with a step mapping. The preview is a dry run; applying it recomputes the same
 * plan and writes exactly those moves in one transaction, or nothing if the plan changed.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { planMigration, reviewStatus } from '../../workflows/index';
import { documents, tasks } from '../db/schema/index';
import { loadWorkCalendar } from './calendar-service';
import { commitChange } from './commit';
import { taskDue } from './deadline-service';
import { loadOpenTasks, reviewState, type DocumentRow } from './document-store';
import { assertDistinctVersions, assertPreviewUnchanged, splitMoves, type MigrationInput } from './instance-migration';
import type { ServiceContext } from './service-context';
import { closeTaskStatement, DRAFTER_SEAT, syncTasks, wantedTasks } from './task-sync';
import { IN_FLIGHT_STATUSES } from './workflow-admin-service';
import { pinnedDefinition } from './workflow-definitions';

export type { MigrationInput };

async function plan(ctx: ServiceContext, input: MigrationInput) {
  const { db } = ctx.database;
  assertDistinctVersions(input);
  const from = await pinnedDefinition(db, input.key, input.fromVersion);
  const to = await pinnedDefinition(db, input.key, input.toVersion);
  const docs = await db
    .select()
    .from(documents)
    .where(and(eq(documents.workflowKey, input.key), eq(documents.workflowVersion, input.fromVersion), inArray(documents.status, IN_FLIGHT_STATUSES)))
    .orderBy(asc(documents.createdAt));
  return { to, ...splitMoves<DocumentRow, ReturnType<typeof reviewState>>(docs, (doc) => planMigration(from, to, reviewState(doc), input.mapping)) };
}

/** The dry run: which documents would move where, and which would be refused and why. */
export async function previewMigration(ctx: ServiceContext, input: MigrationInput) {
  const { moves, refused } = await plan(ctx, input);
  return {
    moves: moves.map(({ row, toStep }) => ({ documentId: row.id, title: row.title, fromStep: row.currentStep, toStep })),
    refused: refused.map(({ row, reason }) => ({ documentId: row.id, title: row.title, fromStep: row.currentStep, reason })),
  };
}

/**
 * Applies the previewed moves in one transaction, with one audit row per document, and
 * re-opens the tasks of each document's new step. Refused with CONFLICT when the movable
 * documents are no longer exactly the previewed ones.
 */
export async function applyMigration(ctx: ServiceContext, actorId: string, input: MigrationInput & { expectedDocumentIds: string[] }) {
  const { db } = ctx.database;
  const { to, moves } = await plan(ctx, input);
  assertPreviewUnchanged(moves.map((m) => m.row.id), input.expectedDocumentIds, '可迁移的文件已发生变化，请重新预览后再迁移');
  if (!moves.length) return { moved: 0 };
  const now = ctx.now();
  const calendar = await loadWorkCalendar(ctx);
  const statements: BatchItem<'sqlite'>[] = [];
  for (const { row: doc, toStep, state } of moves) {
    // The version trigger refuses the whole batch if the document moved since it was read.
    statements.push(
      db
        .update(documents)
        .set({ workflowVersion: input.toVersion, snapshot: state, currentStep: toStep, status: reviewStatus(state, to), version: doc.version + 1, updatedAt: now })
        .where(eq(documents.id, doc.id)),
    );
    const sync = syncTasks(await loadOpenTasks(db, doc.id), wantedTasks(to, state, doc.drafterId), { taskId: null, recall: false });
    for (const close of sync.close) statements.push(closeTaskStatement(db, close, actorId, 'migrated', now));
    for (const task of sync.open) {
      const due = task.seatId === DRAFTER_SEAT ? { dueDate: null, dueProvisional: false } : taskDue(to, task.step, now, calendar);
      statements.push(db.insert(tasks).values({ id: crypto.randomUUID(), documentId: doc.id, ...task, ...due, round: state.context.round, status: 'open', createdAt: now }));
    }
  }
  const audit = moves.map(({ row: doc, toStep }) => ({
    at: now,
    actorId,
    documentId: doc.id,
    action: 'workflow.migrate',
    fromState: doc.currentStep,
    toState: toStep,
    detail: { key: input.key, fromVersion: input.fromVersion, toVersion: input.toVersion },
  }));
  await commitChange(ctx, statements, audit, '有文件在迁移期间被他人处理，请重新预览后再迁移');
  return { moved: moves.length };
}
