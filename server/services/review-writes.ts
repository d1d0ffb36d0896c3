import { eq, sql } from 'drizzle-orm';
import { documents, reviewRecords } from '../db/schema/index';
import { placeholder, preparedWrite } from '../db/prepared';
import type { Db } from '../db/client';
import type { PersistedReview } from '../../workflows/index';

/**
 * The writes every review step makes, prepared once per database (server/db/prepared.ts):
 * the same SQL text step after step, so drizzle builds it once.
 */

/**
 * A step that leaves the document's status as it was (most of review): the new workflow
 * state and version. `status` is not named, so the search-queue trigger does not fire.
 */
export const moveDocument = (db: Db) =>
  preparedWrite<{ snapshot: PersistedReview; currentStep: string; version: number; updatedAt: number; id: string }>(db, 'documents.move', (d) =>
    d
      .update(documents)
      .set({ snapshot: placeholder('snapshot'), currentStep: placeholder('currentStep'), version: placeholder('version'), updatedAt: placeholder('updatedAt') })
      .where(eq(documents.id, sql.placeholder('id'))),
  );

/** The decision, with its opinion, five checks and opinion form as given. */
export const recordDecision = (db: Db) =>
  preparedWrite<{
    id: string;
    documentId: string;
    taskId: string | null;
    round: number;
    step: string;
    userId: string;
    decision: string;
    opinion: string;
    checks: Record<string, boolean> | null;
    opinionForm: { key: string; version: number; values: Record<string, unknown> } | null;
    createdAt: number;
  }>(db, 'reviewRecords.insert', (d) =>
    d.insert(reviewRecords).values({
      id: placeholder('id'),
      documentId: placeholder('documentId'),
      taskId: placeholder('taskId'),
      round: placeholder('round'),
      step: placeholder('step'),
      userId: placeholder('userId'),
      decision: placeholder('decision'),
      opinion: placeholder('opinion'),
      checks: placeholder('checks'),
      opinionForm: placeholder('opinionForm'),
      createdAt: placeholder('createdAt'),
    }),
  );
