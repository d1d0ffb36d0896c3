/**
 * Reads what the annual report is computed from into the pure core's record shapes:
 * published catalog items whose category maps to an Article 20 cell (with their approved
 * validity changes and any withdrawal), the information requests and their appeals, and the
 * processing fees paid. Only rows that can touch `year` are read.
 */
import { and, eq, inArray, isNotNull, lt, notInArray, lte, or, isNull, gte, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { categories, documents, validityChanges } from '../db/schema/index';
import { infoRequests, requestAppeals } from '../db/schema/requests';
import { isArticle20Cell, type Article20Cell, type CatalogCellCounts, type EnteredFigures, type ReportRecords } from '../report/report-types';
import type { Validity } from '../../workflows/validity/validity-values';
import type { ReplyResult, ReplySubReason, AppealKind } from '../../workflows/requests/request-vocabulary';
import type { Db } from '../db/client';

/**
 * CST calendar day of a stored millisecond time, computed by SQLite (China has kept UTC+8
 * without daylight saving since 1991; every record here is far newer). Formatting hundreds of
 * thousands of dates through Intl in JS took longer than the rest of the report.
 */
const cstDay = (column: SQLiteColumn) => sql<string>`date(${column} / 1000, 'unixepoch', '+8 hours')`;

const dayStart = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

/**
 * The catalog side of the report. Items with an approved validity change are listed one by one
 * (few); every other item is in force whenever it is in the catalog, so each cell's measures
 * over them are counts, computed by SQLite on the covering index documents_report_items
 * (CST day bounds as millisecond ranges). `listEveryItem` lists all of them instead (tests
 * compare the two).
 */
async function catalogRecords(db: Db, year: number, listEveryItem: boolean): Promise<Pick<ReportRecords, 'catalogItems' | 'catalogCounts'>> {
  const cells = new Map<string, Article20Cell>();
  for (const c of await db.select({ id: categories.id, cell: categories.reportCell }).from(categories).where(isNotNull(categories.reportCell))) {
    if (isArticle20Cell(c.cell)) cells.set(c.id, c.cell);
  }
  if (!cells.size) return { catalogItems: [], ...(listEveryItem ? {} : { catalogCounts: [] }) };
  const changed = db.selectDistinct({ id: validityChanges.documentId }).from(validityChanges).where(and(eq(validityChanges.state, 'approved'), isNotNull(validityChanges.decidedAt)));
  // Published by the end of the following year (the bound the report has always used).
  const inReport = and(inArray(documents.categoryId, [...cells.keys()]), isNotNull(documents.publishedAt), lt(documents.publishedAt, dayStart(`${year + 2}-01-01`)));
  // Titles are left out: they only label the causes of a violated identity, and no identity involves catalog items.
  const rows = await db
    .select({ id: documents.id, categoryId: documents.categoryId, writtenAt: documents.writtenAt, publishedOn: cstDay(documents.publishedAt), withdrawnOn: cstDay(documents.withdrawnAt) })
    .from(documents)
    .where(listEveryItem ? inReport : and(inReport, inArray(documents.id, changed)));
  const changes = rows.length
    ? await db.select({ documentId: validityChanges.documentId, validity: validityChanges.proposedValidity, decidedOn: cstDay(validityChanges.decidedAt) })
      .from(validityChanges)
      .where(and(eq(validityChanges.state, 'approved'), isNotNull(validityChanges.decidedAt)))
    : [];
  const changesOf = new Map<string, { on: string; validity: Validity }[]>();
  for (const c of changes) changesOf.set(c.documentId, [...(changesOf.get(c.documentId) ?? []), { on: c.decidedOn, validity: c.validity as Validity }]);
  const catalogItems = rows.map((r) => ({
    id: r.id, title: '', cell: cells.get(r.categoryId)!, writtenOn: r.writtenAt, publishedOn: r.publishedOn, withdrawnOn: r.withdrawnOn ?? null,
    validityChanges: changesOf.get(r.id) ?? [],
  }));
  if (listEveryItem) return { catalogItems };
  const [start, next] = [dayStart(`${year}-01-01`), dayStart(`${year + 1}-01-01`)];
  const inCatalogBefore = (bound: number) => sql<number>`sum(${documents.publishedAt} < ${bound} AND (${documents.withdrawnAt} IS NULL OR ${documents.withdrawnAt} >= ${bound}))`;
  const counted = await db
    .select({
      categoryId: documents.categoryId,
      madeInYear: sql<number>`sum(${documents.writtenAt} BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`})`,
      publishedInYear: sql<number>`sum(${documents.publishedAt} >= ${start} AND ${documents.publishedAt} < ${next})`,
      inCatalogAtEnd: inCatalogBefore(next),
      inCatalogAtPreviousEnd: inCatalogBefore(start),
    })
    .from(documents)
    .where(and(inReport, notInArray(documents.id, changed)))
    .groupBy(documents.categoryId);
  const byCell = new Map<Article20Cell, CatalogCellCounts>();
  for (const c of counted) {
    const cell = cells.get(c.categoryId)!;
    const sum = byCell.get(cell) ?? { cell, madeInYear: 0, publishedInYear: 0, inCatalogAtEnd: 0, inCatalogAtPreviousEnd: 0 };
    sum.madeInYear += Number(c.madeInYear);
    sum.publishedInYear += Number(c.publishedInYear);
    sum.inCatalogAtEnd += Number(c.inCatalogAtEnd);
    sum.inCatalogAtPreviousEnd += Number(c.inCatalogAtPreviousEnd);
    byCell.set(cell, sum);
  }
  return { catalogItems, catalogCounts: [...byCell.values()] };
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

export async function loadReportRecords(db: Db, year: number, entered: EnteredFigures, options: { listEveryItem?: boolean } = {}): Promise<ReportRecords> {
  const requests = await requestRecords(db, year);
  const appeals = await db
    .select({ id: requestAppeals.id, kind: requestAppeals.kind, outcome: requestAppeals.outcome, filedOn: requestAppeals.filedOn, decidedOn: requestAppeals.decidedOn, requestNo: infoRequests.requestNo })
    .from(requestAppeals)
    .innerJoin(infoRequests, eq(infoRequests.id, requestAppeals.requestId))
    .where(and(gte(requestAppeals.filedOn, `${year}-01-01`), lte(requestAppeals.filedOn, `${year}-12-31`)));
  return {
    ...(await catalogRecords(db, year, options.listEveryItem ?? false)),
    requests: requests.map((r) => ({
      id: r.id, label: r.requestNo, applicantType: r.applicantType, receivedOn: r.receivedAt, closedOn: r.closedAt,
      result: r.result as ReplyResult | null, subReason: r.subReason as ReplySubReason | null,
    })),
    appeals: appeals.map((a) => ({ id: a.id, label: `${a.requestNo}（${a.kind === 'reconsideration' ? '复议' : '诉讼'}）`, kind: a.kind as AppealKind, filedOn: a.filedOn, decidedOn: a.decidedOn, outcome: a.outcome })),
    requestFees: requests.filter((r) => r.feePaidOn && r.feeAmountFen != null).map((r) => ({ requestId: r.id, amountYuan: r.feeAmountFen! / 100, paidOn: r.feePaidOn! })),
    entered,
  };
}
