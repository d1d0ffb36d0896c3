/**
 * The flow a document follows, for the graph on its page: its pinned definition, where it
 * stands, the steps it has been at, in order, from its review history, and the labels of the
 * condition names the graph writes.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { guardLabelsOf, registryCatalog } from '../../workflows/registry-catalog';
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
  // The registry's words for condition names, so a plugin's condition reads as words on the graph too.
  return { definition, currentStep: doc.currentStep, visitedSteps, guardLabels: guardLabelsOf(registryCatalog()) };
}
