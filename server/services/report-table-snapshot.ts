/**
 * The annual report's tables as they went into review, kept with the document so the public
 * catalog can show them as real tables (report_table_snapshots). Taken at submission, with
 * the body text and the .docx/.xlsx, from the same computed content.
 */
import { eq, sql } from 'drizzle-orm';
import { reportTableSnapshots } from '../db/schema/index';
import { reportGrids, type Grid } from '../report/report-grid';
import { gridLines, type ReportContent } from '../report/report-text';
import { commitChange } from './commit';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import type { ServiceContext } from './service-context';
import type { SessionUser } from './users';

export interface ReportTable {
  /** The title of the section the table belongs to, e.g. 收到和处理政府信息公开申请情况. */
  caption: string;
  grid: Grid;
}

const TABLE_SECTIONS = { article20: 0, requests: 1, appeals: 2 } as const;

/** The report's three tables with the titles of the sections they sit in, in report order. */
export function reportTables(content: ReportContent): ReportTable[] {
  const grids = reportGrids(content.template, content.computed, 'zh');
  return content.template.sections.flatMap((section) =>
    section.kind in TABLE_SECTIONS ? [{ caption: section.title.zh, grid: grids[TABLE_SECTIONS[section.kind as keyof typeof TABLE_SECTIONS]]! }] : [],
  );
}

/** Records (or, on resubmission, replaces) the tables of the report behind `documentId`. */
export async function recordReportTables(ctx: ServiceContext, actor: SessionUser, documentId: string, content: ReportContent): Promise<void> {
  const { db } = ctx.database;
  const now = ctx.now();
  const tables = reportTables(content);
  const row = { documentId, year: content.computed.year, templateKey: content.template.key, tables, createdAt: now };
  await commitChange(
    ctx,
    [db.insert(reportTableSnapshots).values(row).onConflictDoUpdate({ target: reportTableSnapshots.documentId, set: { year: row.year, templateKey: row.templateKey, tables, createdAt: now } })],
    [{ at: now, actorId: actor.id, documentId, action: 'annual_report.tables_recorded', detail: { year: row.year, template: row.templateKey, tables: tables.length } }],
  );
}

/**
 * The recorded tables of a document with, for each, the text its body holds for it (the
 * lines renderReportText wrote), so a page can put the table where that text stands.
 */
export async function loadReportTables(db: Db, documentId: string): Promise<(ReportTable & { text: string })[]> {
  // Every public document page asks: prepared once per database.
  const row = await preparedQuery(db, 'reportTableSnapshots.byDocument', (d) =>
    d.select({ tables: reportTableSnapshots.tables }).from(reportTableSnapshots).where(eq(reportTableSnapshots.documentId, sql.placeholder('documentId'))).prepare(),
  ).get({ documentId });
  if (!row) return [];
  return (row.tables as ReportTable[]).map((t) => ({ ...t, text: gridLines(t.grid).join('\n') }));
}
