/**
 * Migrating information requests in flight to another version of their request flow, with a
 * step mapping: the same preview-then-apply design as release review (instance-migration.ts),
 * planned by the request planner, which refuses a step whose kind the request's record does
 * not fit. Only the step and the pinned version change: the dated events, and so every
 * statutory clock, stay as they were.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { planRequestMigration } from '../../workflows/requests/request-migration-plan';
import { infoRequests } from '../db/schema/index';
import { commitChange } from './commit';
import { assertDistinctVersions, assertPreviewUnchanged, splitMoves, type MigrationInput } from './instance-migration';
import { requestState, type InfoRequestRow } from './request-store';
import type { ServiceContext } from './service-context';
import { pinnedRequestFlow } from './workflow-definitions';

async function plan(ctx: ServiceContext, input: MigrationInput) {
  const { db } = ctx.database;
  assertDistinctVersions(input);
  const from = await pinnedRequestFlow(db, input.key, input.fromVersion);
  const to = await pinnedRequestFlow(db, input.key, input.toVersion);
  const rows = await db
    .select()
    .from(infoRequests)
    .where(and(eq(infoRequests.workflowKey, input.key), eq(infoRequests.workflowVersion, input.fromVersion), isNull(infoRequests.closedAt)))
    .orderBy(asc(infoRequests.receivedAt), asc(infoRequests.requestNo));
  return splitMoves<InfoRequestRow, ReturnType<typeof requestState>>(rows, (row) => planRequestMigration(from, to, requestState(row), input.mapping));
}

/** The dry run: which requests would move where, and which would be refused and why. */
export async function previewRequestMigration(ctx: ServiceContext, input: MigrationInput) {
  const { moves, refused } = await plan(ctx, input);
  return {
    moves: moves.map(({ row, toStep }) => ({ requestId: row.id, requestNo: row.requestNo, fromStep: row.status, toStep })),
    refused: refused.map(({ row, reason }) => ({ requestId: row.id, requestNo: row.requestNo, fromStep: row.status, reason })),
  };
}

/**
 * Applies the previewed moves in one transaction with one audit row per request. Refused with
 * CONFLICT when the movable requests are no longer exactly the previewed ones, or one was
 * handled meanwhile (the version trigger).
 */
export async function applyRequestMigration(ctx: ServiceContext, actorId: string, input: MigrationInput & { expectedRequestIds: string[] }) {
  const { db } = ctx.database;
  const { moves } = await plan(ctx, input);
  assertPreviewUnchanged(moves.map((m) => m.row.id), input.expectedRequestIds, '可迁移的申请已发生变化，请重新预览后再迁移');
  if (!moves.length) return { moved: 0 };
  const now = ctx.now();
  const statements: BatchItem<'sqlite'>[] = moves.map(({ row, toStep, state }) =>
    db
      .update(infoRequests)
      .set({ workflowVersion: input.toVersion, snapshot: state, status: toStep, version: row.version + 1, updatedAt: now })
      .where(eq(infoRequests.id, row.id)),
  );
  const audit = moves.map(({ row, toStep }) => ({
    at: now,
    actorId,
    action: 'request.migrate',
    fromState: row.status,
    toState: toStep,
    detail: { requestId: row.id, requestNo: row.requestNo, key: input.key, fromVersion: input.fromVersion, toVersion: input.toVersion },
  }));
  await commitChange(ctx, statements, audit, '有申请在迁移期间被他人处理，请重新预览后再迁移');
  return { moved: moves.length };
}
