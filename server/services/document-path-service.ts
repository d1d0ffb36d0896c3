/**
 * The flow a document follows, for the graph on its page: its pinned definition, where it
 * stands, and the steps it has been at, in order, from its review history.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { reviewRecords } from '../db/schema/index';
import { loadViewableDocument } from './document-view-service';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';
import { pinnedDefinition } from './workflow-definitions';

/**
 * Steps visited, oldest first: the step of every recorded action (several approvals of one
 * 会签 count once), then the current step. Same read access as the document itself.
 */
export async function documentPath(ctx: ServiceContext, user: SessionUser, documentId: string) {
  const { db } = ctx.database;
  const { doc } = await loadViewableDocument(ctx, user, documentId);
  const definition = await pinnedDefinition(db, doc.workflowKey, doc.workflowVersion);
  const records = await db
    .select({ step: reviewRecords.step })
    .from(reviewRecords)
    .where(eq(reviewRecords.documentId, doc.id))
    // Insertion order breaks ties: several actions may share a millisecond.
    .orderBy(asc(reviewRecords.createdAt), sql`rowid`);
  const visitedSteps: string[] = [];
  for (const step of [...records.map((r) => r.step), doc.currentStep]) {
    if (visitedSteps.at(-1) !== step) visitedSteps.push(step);
  }
  return { definition, currentStep: doc.currentStep, visitedSteps };
}
