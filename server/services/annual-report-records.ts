/**
 * Reads what the annual report is computed from into the pure core's record shapes:
 * published catalog items whose category maps to an Article 20 cell (with their approved
 * validity changes and any withdrawal), the information requests and their appeals, and the
 * processing fees paid. Only rows that can touch `year` are read.
 */
import { and, eq, inArray, isNotNull, lt, lte, or, isNull, gte, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { categories, documents, validityChanges } from '../db/schema/index';
import { infoRequests, requestAppeals } from '../db/schema/requests';
import { isArticle20Cell, type CatalogItemRecord, type EnteredFigures, type ReportRecords } from '../report/report-types';
import type { Validity } from '../../workflows/validity/validity-values';
import type { ReplyResult, ReplySubReason, AppealKind } from '../../workflows/requests/request-vocabulary';
import type { Db } from '../db/client';

/**
 * CST calendar day of a stored millisecond time, computed by SQLite (China has kept UTC+8
 * without daylight saving since 1991; every record here is far newer). Formatting hundreds of
 * thousands of dates through Intl in JS took longer than the rest of the report.
 */
const cstDay = (column: SQLiteColumn) => sql<string>`date(${column} / 1000, 'unixepoch', '+8 hours')`;

async function catalogItems(db: Db, year: number): Promise<CatalogItemRecord[]> {
  // Published by the end of the following year (the same bound as before, now in SQL).
  const publishedBefore = Date.parse(`${year + 2}-01-01T00:00:00+08:00`);
  const cells = new Map((await db.select({ id: categories.id, cell: categories.reportCell }).from(categories).where(isNotNull(categories.reportCell))).map((c) => [c.id, c.cell]));
  // Read from the index documents_report_items alone, one range per category. Titles are left
  // out: they only label the causes of a violated identity, and no identity involves catalog items.
  const rows = cells.size
    ? await db
      .select({ id: documents.id, categoryId: documents.categoryId, writtenAt: documents.writtenAt, publishedOn: cstDay(documents.publishedAt), withdrawnOn: cstDay(documents.withdrawnAt) })
      .from(documents)
      .where(and(inArray(documents.categoryId, [...cells.keys()]), isNotNull(documents.publishedAt), lt(documents.publishedAt, publishedBefore)))
    : [];
  const items = rows.map((r) => ({ ...r, cell: cells.get(r.categoryId) })).filter((r) => isArticle20Cell(r.cell));
  // Every approved change (a small table), grouped by document; an IN list of every item's id
  // would exceed SQLite's variable limit in a large catalog.
  const changes = items.length
    ? await db.select({ documentId: validityChanges.documentId, validity: validityChanges.proposedValidity, decidedOn: cstDay(validityChanges.decidedAt) })
      .from(validityChanges)
      .where(and(eq(validityChanges.state, 'approved'), isNotNull(validityChanges.decidedAt)))
    : [];
  const changesOf = new Map<string, { on: string; validity: Validity }[]>();
  for (const c of changes) changesOf.set(c.documentId, [...(changesOf.get(c.documentId) ?? []), { on: c.decidedOn, validity: c.validity as Validity }]);
  return items.map((r) => ({
    id: r.id,
    title: '',
    cell: r.cell as CatalogItemRecord['cell'],
    writtenOn: r.writtenAt,
    publishedOn: r.publishedOn,
    withdrawnOn: r.withdrawnOn ?? null,
    validityChanges: changesOf.get(r.id) ?? [],
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
