/**
 * Reads what the annual report is computed from into the pure core's record shapes:
 * published catalog items whose category maps to an Article 20 cell (with their approved
 * validity changes and any withdrawal), the information requests and their appeals, and the
 * processing fees paid. Only rows that can touch `year` are read.
 */
import { and, eq, inArray, isNotNull, lte, or, isNull, gte } from 'drizzle-orm';
import { categories, documents, validityChanges } from '../db/schema/index';
import { infoRequests, requestAppeals } from '../db/schema/requests';
import { isArticle20Cell, type CatalogItemRecord, type EnteredFigures, type ReportRecords } from '../report/report-types';
import type { Validity } from '../../workflows/validity/validity-values';
import type { ReplyResult, ReplySubReason, AppealKind } from '../../workflows/requests/request-vocabulary';
import { cstDate } from '../time';
import type { Db } from '../db/client';

async function catalogItems(db: Db, year: number): Promise<CatalogItemRecord[]> {
  const rows = await db
    .select({ id: documents.id, title: documents.title, writtenAt: documents.writtenAt, publishedAt: documents.publishedAt, withdrawnAt: documents.withdrawnAt, cell: categories.reportCell })
    .from(documents)
    .innerJoin(categories, eq(categories.id, documents.categoryId))
    .where(and(isNotNull(categories.reportCell), isNotNull(documents.publishedAt)));
  const items = rows.filter((r) => isArticle20Cell(r.cell) && cstDate(r.publishedAt!) <= `${year + 1}-12-31`);
  const changes = items.length
    ? await db.select({ documentId: validityChanges.documentId, validity: validityChanges.proposedValidity, decidedAt: validityChanges.decidedAt })
      .from(validityChanges)
      .where(and(eq(validityChanges.state, 'approved'), inArray(validityChanges.documentId, items.map((i) => i.id))))
    : [];
  return items.map((r) => ({
    id: r.id,
    title: r.title,
    cell: r.cell as CatalogItemRecord['cell'],
    writtenOn: r.writtenAt,
    publishedOn: cstDate(r.publishedAt!),
    withdrawnOn: r.withdrawnAt ? cstDate(r.withdrawnAt) : null,
    validityChanges: changes.filter((c) => c.documentId === r.id && c.decidedAt != null).map((c) => ({ on: cstDate(c.decidedAt!), validity: c.validity as Validity })),
  }));
}

/** Requests that were open at some point of the year: received by its end, not closed before its start. */
async function requestRecords(db: Db, year: number) {
  const rows = await db
    .select({
      id: infoRequests.id, requestNo: infoRequests.requestNo, applicantType: infoRequests.applicantType, receivedAt: infoRequests.receivedAt,
      closedAt: infoRequests.closedAt, result: infoRequests.result, subReason: infoRequests.subReason, feeAmountFen: infoRequests.feeAmountFen, feePaidOn: infoRequests.feePaidOn,
    })
    .from(infoRequests)
    .where(and(lte(infoRequests.receivedAt, `${year}-12-31`), or(isNull(infoRequests.closedAt), gte(infoRequests.closedAt, `${year}-01-01`), gte(infoRequests.feePaidOn, `${year}-01-01`))));
  return rows;
}

export async function loadReportRecords(db: Db, year: number, entered: EnteredFigures): Promise<ReportRecords> {
  const requests = await requestRecords(db, year);
  const appeals = await db
    .select({ id: requestAppeals.id, kind: requestAppeals.kind, outcome: requestAppeals.outcome, filedOn: requestAppeals.filedOn, decidedOn: requestAppeals.decidedOn, requestNo: infoRequests.requestNo })
    .from(requestAppeals)
    .innerJoin(infoRequests, eq(infoRequests.id, requestAppeals.requestId))
    .where(and(gte(requestAppeals.filedOn, `${year}-01-01`), lte(requestAppeals.filedOn, `${year}-12-31`)));
  return {
    catalogItems: await catalogItems(db, year),
    requests: requests.map((r) => ({
      id: r.id, label: r.requestNo, applicantType: r.applicantType, receivedOn: r.receivedAt, closedOn: r.closedAt,
      result: r.result as ReplyResult | null, subReason: r.subReason as ReplySubReason | null,
    })),
    appeals: appeals.map((a) => ({ id: a.id, label: `${a.requestNo}（${a.kind === 'reconsideration' ? '复议' : '诉讼'}）`, kind: a.kind as AppealKind, filedOn: a.filedOn, decidedOn: a.decidedOn, outcome: a.outcome })),
    requestFees: requests.filter((r) => r.feePaidOn && r.feeAmountFen != null).map((r) => ({ requestId: r.id, amountYuan: r.feeAmountFen! / 100, paidOn: r.feePaidOn! })),
    entered,
  };
}
