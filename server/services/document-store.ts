import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { literal, preparedQuery } from '../db/prepared';
import { batchedRead } from '../db/batched-read';
import { categories, documents, redactions, tasks, users } from '../db/schema/index';
import type { DocumentFacts, PersistedReview } from '../../workflows/index';
import type { DisclosureAttribute, LegalGround } from '../../forms/disclosure';
import { notFound } from './errors';

export type DocumentRow = typeof documents.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

export async function loadDocument(db: Db, id: string): Promise<DocumentRow> {
  // Every document page reads it: under load, the pages of one turn in one statement (db/batched-read.ts).
  const [row] = await batchedRead(db, 'documents.byId', (d, key) => d.select().from(documents).where(key(documents.id)).prepare(), (document) => document.id).load(id);
  if (!row) throw notFound('未找到该文件');
  return row;
}

/** A document's index number (索引号), given at publication; null before. */
export async function loadIndexNumber(db: Db, id: string): Promise<string | null> {
  const row = await preparedQuery(db, 'documents.indexNumber', (d) => d.select({ indexNumber: documents.indexNumber }).from(documents).where(eq(documents.id, sql.placeholder('id'))).prepare()).get({ id });
  if (!row) throw notFound('未找到该文件');
  return row.indexNumber;
}

/** A document's columns but its text (正文): what a review step reads before it acts. */
export type DocumentHead = Omit<DocumentRow, 'body'>;

const { body: _text, ...headColumns } = getTableColumns(documents);

/**
 * The document without its text, and its category's code (which workflow conditions read), in
 * one query. Most review steps never look at the text, and it is the row's bulk: a catalog's
 * document runs to thousands of characters, spilling into overflow pages that a read after
 * another connection's commit fetches again and turns into a string each time. Without it the
 * read costs 24–31 µs of CPU instead of 46–63 µs, 58–65 instead of 83–85 µs after a commit
 * (BENCHMARKS.md, "A review step reads the document without its text"). `loadDocumentText`
 * reads it for the steps that do. Under load, the review steps of one turn read their documents
 * in one statement (db/batched-read.ts), and their tasks in another.
 */
export async function loadDocumentHeadWithCategoryCode(db: Db, id: string): Promise<{ doc: DocumentHead; categoryCode: string }> {
  const [row] = await batchedRead(
    db,
    'documents.headWithCategoryCode',
    (d, key) => d.select({ doc: headColumns, categoryCode: categories.code }).from(documents).leftJoin(categories, eq(categories.id, documents.categoryId)).where(key(documents.id)).prepare(),
    (row) => row.doc.id,
  ).load(id);
  if (!row) throw notFound('未找到该文件');
  return { doc: row.doc, categoryCode: row.categoryCode ?? '' };
}

/** A document's text (正文). */
export async function loadDocumentText(db: Db, id: string): Promise<string> {
  const row = await preparedQuery(db, 'documents.textById', (d) => d.select({ body: documents.body }).from(documents).where(eq(documents.id, sql.placeholder('id'))).prepare()).get({ id });
  if (!row) throw notFound('未找到该文件');
  return row.body;
}

export async function loadRedactions(db: Db, documentId: string) {
  const query = preparedQuery(db, 'redactions.byDocument', (d) =>
    d
      .select({ id: redactions.id, start: redactions.start, end: redactions.end, ground: redactions.ground, reason: redactions.reason, confirmedBy: redactions.confirmedBy, confirmedByName: users.displayName, confirmedAt: redactions.confirmedAt })
      .from(redactions)
      .leftJoin(users, eq(users.id, redactions.confirmedBy))
      .where(eq(redactions.documentId, sql.placeholder('documentId')))
      .orderBy(asc(redactions.start))
      .prepare(),
  );
  return (await query.all({ documentId })).map((r) => ({ ...r, ground: r.ground as LegalGround }));
}

/** The open tasks of a document: one per waiting seat (several at a countersign). */
export async function loadOpenTasks(db: Db, documentId: string): Promise<TaskRow[]> {
  return batchedRead(
    db,
    'tasks.openByDocument',
    (d, key) => d.select().from(tasks).where(and(key(tasks.documentId), eq(tasks.status, literal('open')))).orderBy(tasks.documentId, tasks.seatId).prepare(),
    (task) => task.documentId,
  ).load(documentId);
}

/** Every task of a document, open and closed, in seat order (a document has a few per round). */
export async function loadDocumentTasks(db: Db, documentId: string): Promise<TaskRow[]> {
  return batchedRead(db, 'tasks.byDocument', (d, key) => d.select().from(tasks).where(key(tasks.documentId)).orderBy(tasks.documentId, tasks.seatId).prepare(), (task) => task.documentId).load(documentId);
}

export function reviewState(row: Pick<DocumentRow, 'snapshot'>): PersistedReview {
  return row.snapshot as PersistedReview;
}

/** The facts of a stored document that workflow conditions read. */
export function factsOf(row: DocumentHead, categoryCode: string): DocumentFacts {
  return {
    hasStatistics: row.hasStatistics,
    isMajorMatter: row.isMajorMatter,
    attribute: row.attribute as DisclosureAttribute,
    categoryCode,
    drafterId: row.drafterId,
  };
}
