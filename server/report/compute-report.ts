/**
 * computeAnnualReport: every table of the annual report from plain records. Each row of the
 * request table is counted on its own (new, carried over, each result, the results total,
 * carried forward; each applicant column and the total column), so that bad records show up
 * as identities that do not hold instead of being silently absorbed.
 */
import { APPLICANT_TYPES, APPEAL_KINDS, APPEAL_OUTCOMES } from '../../workflows/requests/request-vocabulary';
import {
  resultRows, REQUEST_ROW_CARRIED_FORWARD, REQUEST_ROW_CARRIED_OVER, REQUEST_ROW_NEW, REQUEST_ROW_RESULTS_TOTAL,
  type Article20Measure, type ReportTemplate,
} from './report-templates';
import type {
  AppealRecord, AppealTable, Article20Table, CatalogCellCounts, CatalogItemRecord, ComputedReport, CountCell, ReportRecords, RequestColumn, RequestRecord, RequestTable,
} from './report-types';

/** A cell counting `records` (its sources) plus `counted` more that were counted in bulk. */
const cell = (records: { id: string }[], counted = 0): CountCell => ({ value: records.length + counted, sources: records.map((r) => r.id) });

function yearBounds(year: number) {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}
const within = (date: string | null, year: number) => date != null && date >= yearBounds(year).start && date <= yearBounds(year).end;

/** Rows of the request table: which requests each row counts, before splitting by applicant. */
function requestRowMembers(template: ReportTemplate, year: number, requests: RequestRecord[]): Map<string, RequestRecord[]> {
  const { start, end } = yearBounds(year);
  const closedInYear = requests.filter((r) => within(r.closedOn, year));
  const rows = new Map<string, RequestRecord[]>();
  rows.set(REQUEST_ROW_NEW, requests.filter((r) => within(r.receivedOn, year)));
  rows.set(REQUEST_ROW_CARRIED_OVER, requests.filter((r) => r.receivedOn < start && (r.closedOn == null || r.closedOn >= start)));
  for (const row of resultRows(template)) {
    rows.set(row.key, closedInYear.filter((r) => r.result === row.result && (row.subReason == null || r.subReason === row.subReason)));
  }
  rows.set(REQUEST_ROW_RESULTS_TOTAL, closedInYear);
  rows.set(REQUEST_ROW_CARRIED_FORWARD, requests.filter((r) => r.receivedOn <= end && (r.closedOn == null || r.closedOn > end)));
  return rows;
}

function requestTable(template: ReportTemplate, year: number, requests: RequestRecord[]): RequestTable {
  const table: RequestTable = {};
  for (const [key, members] of requestRowMembers(template, year, requests)) {
    const byColumn = Object.fromEntries(APPLICANT_TYPES.map((t) => [t, cell(members.filter((r) => r.applicantType === t))])) as Record<RequestColumn, CountCell>;
    byColumn.total = cell(members);
    table[key] = byColumn;
  }
  return table;
}

/** Appeals filed this year, with their outcome as it stood at year end. */
function appealTable(year: number, appeals: AppealRecord[]): AppealTable {
  const { end } = yearBounds(year);
  const filed = appeals.filter((a) => within(a.filedOn, year));
  const outcomeAtYearEnd = (a: AppealRecord) => (a.decidedOn != null && a.decidedOn <= end ? a.outcome : 'pending');
  const table = {} as AppealTable;
  for (const kind of APPEAL_KINDS) {
    const ofKind = filed.filter((a) => a.kind === kind);
    const row = Object.fromEntries(APPEAL_OUTCOMES.map((o) => [o, cell(ofKind.filter((a) => outcomeAtYearEnd(a) === o))])) as AppealTable[typeof kind];
    row.total = cell(ofKind);
    table[kind] = row;
  }
  return table;
}

/** The validity of an item at the end of `date` (in force until an approved change says otherwise). */
function validityOn(item: CatalogItemRecord, date: string) {
  const changes = item.validityChanges.filter((c) => c.on <= date).sort((a, b) => a.on.localeCompare(b.on));
  return changes.at(-1)?.validity ?? 'in_force';
}
const inCatalogOn = (item: CatalogItemRecord, date: string) => item.publishedOn <= date && (item.withdrawnOn == null || item.withdrawnOn > date);
const inForceOn = (item: CatalogItemRecord, date: string) => inCatalogOn(item, date) && validityOn(item, date) === 'in_force';

const NO_COUNTS = { madeInYear: 0, publishedInYear: 0, inCatalogAtEnd: 0, inCatalogAtPreviousEnd: 0 };

/** `counted`: the cell's items counted in bulk, all in force while in the catalog (no validity change). */
function measure(m: Article20Measure, items: CatalogItemRecord[], counted: Omit<CatalogCellCounts, 'cell'>, year: number, records: ReportRecords): CountCell {
  const { start, end } = yearBounds(year);
  const prevEnd = `${year - 1}-12-31`;
  switch (m) {
    case 'made_in_year': return cell(items.filter((i) => within(i.writtenOn, year)), counted.madeInYear);
    case 'published_in_year':
    case 'decisions_in_year':
    case 'procurement_count': return cell(items.filter((i) => within(i.publishedOn, year)), counted.publishedInYear);
    case 'published_total': return cell(items.filter((i) => inCatalogOn(i, end)), counted.inCatalogAtEnd);
    case 'in_force': return cell(items.filter((i) => inForceOn(i, end)), counted.inCatalogAtEnd);
    case 'items_prev_year': return cell(items.filter((i) => inForceOn(i, prevEnd)), counted.inCatalogAtPreviousEnd);
    case 'items_change': {
      const now = items.filter((i) => inForceOn(i, end)).length + counted.inCatalogAtEnd;
      const before = items.filter((i) => inForceOn(i, prevEnd)).length + counted.inCatalogAtPreviousEnd;
      return { value: now - before, sources: [] };
    }
    case 'repealed_in_year':
      return cell(items.filter((i) => i.publishedOn <= end && validityOn(i, `${year - 1}-12-31`) === 'in_force' && validityOn(i, end) !== 'in_force' && i.validityChanges.some((c) => c.on >= start && c.on <= end)));
    case 'fee_amount_wan': return { value: Math.round(records.entered.feeAmountYuan / 100) / 100, sources: [] };
    case 'procurement_amount_yuan': return { value: records.entered.procurementAmountYuan, sources: [] };
  }
}

function article20Table(template: ReportTemplate, year: number, records: ReportRecords): Article20Table {
  const table: Article20Table = {};
  for (const group of template.article20) {
    for (const row of group.rows) {
      const items = records.catalogItems.filter((i) => i.cell === row.cell);
      const counted = records.catalogCounts?.find((c) => c.cell === row.cell) ?? NO_COUNTS;
      table[row.cell] = Object.fromEntries(group.columns.map((c) => [c.measure, measure(c.measure, items, counted, year, records)]));
    }
  }
  return table;
}

/**
 * Computes the report's tables for `year` under `template`.
 * Example: computeAnnualReport(TEMPLATE_2021, 2026, records).requests.new.total.value → requests received in 2026.
 */
export function computeAnnualReport(template: ReportTemplate, year: number, records: ReportRecords): ComputedReport {
  const fees = records.requestFees.filter((f) => within(f.paidOn, year));
  const labels: Record<string, string> = {};
  for (const r of records.requests) labels[r.id] = r.label;
  for (const a of records.appeals) labels[a.id] = a.label;
  for (const i of records.catalogItems) labels[i.id] = i.title;
  return {
    year,
    templateKey: template.key,
    article20: article20Table(template, year, records),
    requests: requestTable(template, year, records.requests),
    appeals: appealTable(year, records.appeals),
    requestFees: { count: fees.length, amountYuan: Math.round(fees.reduce((s, f) => s + f.amountYuan, 0) * 100) / 100 },
    labels,
  };
}
