import { and, eq, isNull, sql } from 'drizzle-orm';
import { documents, indexSequences, redactions, reviewRecords } from '../db/schema/index';
import { placeholder, preparedWrite } from '../db/prepared';
import type { Db } from '../db/client';
import type { PersistedReview } from '../../workflows/index';

/**
 * The writes every review step makes, prepared once per database (server/db/prepared.ts):
 * the same SQL text step after step, so drizzle builds it once.
 */

/** What every step writes to the document: its workflow state and the next version. */
type Move = { snapshot: PersistedReview; currentStep: string; version: number; updatedAt: number; id: string };

/**
 * A step that leaves the document's status as it was (most of review): the new workflow
 * state and version. `status` is not named, so the search-queue trigger does not fire.
 */
export const moveDocument = (db: Db) =>
  preparedWrite<Move>(db, 'documents.move', (d) =>
    d
      .update(documents)
      .set({ snapshot: placeholder('snapshot'), currentStep: placeholder('currentStep'), version: placeholder('version'), updatedAt: placeholder('updatedAt') })
      .where(eq(documents.id, sql.placeholder('id'))),
  );

/** A step that changes the document's status (named in SET, so its UPDATE OF triggers fire). */
export const moveDocumentWithStatus = (db: Db) =>
  preparedWrite<Move & { status: string }>(db, 'documents.moveWithStatus', (d) =>
    d
      .update(documents)
      .set({ snapshot: placeholder('snapshot'), status: placeholder('status'), currentStep: placeholder('currentStep'), version: placeholder('version'), updatedAt: placeholder('updatedAt') })
      .where(eq(documents.id, sql.placeholder('id'))),
  );

/**
 * Publication: the new state, the time, and the index number (索引号) `prefix` + the next
 * number of that prefix's sequence, which `nextIndexSequence` bumps earlier in the same batch.
 */
export const publishDocument = (db: Db) =>
  preparedWrite<Move & { status: string; publishedAt: number; prefix: string }>(db, 'documents.publish', (d) =>
    d
      .update(documents)
      .set({
        snapshot: placeholder('snapshot'),
        status: placeholder('status'),
        currentStep: placeholder('currentStep'),
        version: placeholder('version'),
        updatedAt: placeholder('updatedAt'),
        publishedAt: placeholder('publishedAt'),
        indexNumber: sql`${sql.placeholder('prefix')} || printf('%05d', (SELECT last FROM index_sequences WHERE prefix = ${sql.placeholder('prefix')}))`,
      })
      .where(eq(documents.id, sql.placeholder('id'))),
  );

/** The next number of an index-number prefix (one sequence per agency code and year). */
export const nextIndexSequence = (db: Db) =>
  preparedWrite<{ prefix: string }>(db, 'indexSequences.next', (d) =>
    d
      .insert(indexSequences)
      .values({ prefix: placeholder('prefix'), last: 1 })
      .onConflictDoUpdate({ target: indexSequences.prefix, set: { last: sql`${indexSequences.last} + 1` } }),
  );

/** Approving the secrecy review confirms every redaction of the document as it stands. */
export const confirmRedactions = (db: Db) =>
  preparedWrite<{ confirmedBy: string; confirmedAt: number; documentId: string }>(db, 'redactions.confirmAll', (d) =>
    d
      .update(redactions)
      .set({ confirmedBy: placeholder('confirmedBy'), confirmedAt: placeholder('confirmedAt') })
      .where(and(eq(redactions.documentId, sql.placeholder('documentId')), isNull(redactions.confirmedBy))),
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
