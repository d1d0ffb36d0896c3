import { and, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { categories, documents } from '../db/schema/index';
import { PUBLISHABLE_ATTRIBUTES } from '../../forms/disclosure';
import { badRequest } from './errors';
import { categoryClockRule, documentClockStatement } from './deadline-service';
import { loadWorkCalendar } from './calendar-service';
import { cstDate } from '../time';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

const ENDED = ['rejected', 'withdrawn', 'concluded'];

/** Documents an interpretation may be linked to: the section's own policies (谁起草、谁解读) still alive. */
export async function listPolicyOptions(ctx: ServiceContext, user: SessionUser) {
  const rows = await ctx.database.db
    .select({ id: documents.id, title: documents.title, docNumber: documents.docNumber })
    .from(documents)
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .where(and(eq(documents.departmentId, user.department.id), eq(categories.requiresDisclosure, true), inArray(documents.attribute, [...PUBLISHABLE_ATTRIBUTES]), isNull(documents.policyDocumentId), notInArray(documents.status, ENDED)))
    .orderBy(desc(documents.updatedAt))
    .limit(200);
  return rows.map((r) => ({ id: r.id, label: r.docNumber ? `${r.title}（${r.docNumber}）` : r.title }));
}

/** The interpretations that explain a policy and are still in play. */
export async function interpretationsOf(db: Db, policyId: string) {
  // Every publication asks this: prepared once per database.
  return preparedQuery(db, 'documents.interpretationsOf', (d) =>
    d
      .select({ id: documents.id, title: documents.title, status: documents.status, currentStep: documents.currentStep, writtenAt: documents.writtenAt, categoryId: documents.categoryId })
      .from(documents)
      .where(and(eq(documents.policyDocumentId, sql.placeholder('policyId')), notInArray(documents.status, ENDED)))
      .prepare(),
  ).all({ policyId });
}

/**
 * 同步审签: a policy is published only once each of its interpretations has been signed off
 * too. Then every interpretation's clock (published within N working days) starts today.
 */
export async function policyPublicationStatements(ctx: ServiceContext, policyId: string, publishedAt: number): Promise<BatchItem<'sqlite'>[]> {
  const { db } = ctx.database;
  const pending = await interpretationsOf(db, policyId);
  const unsigned = pending.filter((i) => i.status !== 'awaiting_publication' && i.status !== 'published');
  if (unsigned.length > 0) throw badRequest(`政策解读「${unsigned[0]!.title}」尚未完成审签：政策文件与解读须同步审签、同步发布`);
  const calendar = await loadWorkCalendar(ctx);
  const statements: BatchItem<'sqlite'>[] = [];
  for (const interpretation of pending.filter((i) => i.status !== 'published')) {
    const rule = await categoryClockRule(db, interpretation.categoryId);
    statements.push(documentClockStatement(db, calendar, { id: interpretation.id, writtenAt: interpretation.writtenAt, policyPublishedOn: cstDate(publishedAt) }, rule));
  }
  return statements;
}
