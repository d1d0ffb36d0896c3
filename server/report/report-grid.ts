/**
 * The report's tables laid out as the agencies print them: rows of cells with row and
 * column spans (cells covered by a span are left out, as in HTML). The staff page, the
 * .docx and the .xlsx exports all draw from this one layout.
 */
import { APPLICANT_TYPES, APPLICANT_TYPE_LABELS, APPEAL_KINDS, APPEAL_OUTCOMES, REPLY_RESULT_LABELS, SUB_REASON_LABELS, SUB_REASONS, type ReplyResult } from '../../workflows/requests/request-vocabulary';
import { LEGAL_GROUND_LABELS } from '../../forms/disclosure';
import { resultRows, ROW_NUMBERS, ROW_NUMBERS_EN, REQUEST_ROW_CARRIED_FORWARD, REQUEST_ROW_CARRIED_OVER, REQUEST_ROW_NEW, REQUEST_ROW_RESULTS_TOTAL, type Label, type ReportTemplate } from './report-templates';
import type { ComputedReport, CountCell, RequestColumn } from './report-types';

export type Lang = 'zh' | 'en';

export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  header?: boolean;
  /** A computed number; `ref` names its place (table/row/column) for tests and highlighting. */
  ref?: string;
}
export interface Grid {
  key: 'article20' | 'requests' | 'appeals';
  width: number;
  rows: GridCell[][];
}

const h = (label: Label | string, lang: Lang, span: { colSpan?: number; rowSpan?: number } = {}): GridCell => ({ text: typeof label === 'string' ? label : label[lang], header: true, ...span });
const num = (c: CountCell | undefined, ref: string, colSpan?: number): GridCell => ({ text: formatNumber(c?.value ?? 0), ref, ...(colSpan ? { colSpan } : {}) });

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

const T: Record<string, Label> = {
  content: { zh: '信息内容', en: 'Information' },
  identity: { zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', en: '(In every column: item 1 + item 2 = item 3 + item 4)' },
  applicants: { zh: '申请人情况', en: 'Applicants' },
  organisations: { zh: '法人或其他组织', en: 'Legal persons and other organisations' },
  total: { zh: '总计', en: 'Total' },
  new: { zh: '一、本年新收政府信息公开申请数量', en: '1. New requests this year' },
  carriedOver: { zh: '二、上年结转政府信息公开申请数量', en: '2. Carried over from last year' },
  results: { zh: '三、本年度办理结果', en: '3. Results this year' },
  carriedForward: { zh: '四、结转下年度继续办理', en: '4. Carried over to next year' },
  partialNote: { zh: '（区分处理的，只计这一情形，不计其他情形）', en: ' (count only here when handled separately)' },
  reconsideration: { zh: '行政复议', en: 'Administrative reconsideration' },
  litigation: { zh: '行政诉讼', en: 'Administrative litigation' },
  litigation_direct: { zh: '未经复议直接起诉', en: 'Sued directly' },
  litigation_after_reconsideration: { zh: '复议后起诉', en: 'Sued after reconsideration' },
  upheld: { zh: '结果维持', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  other: { zh: '其他结果', en: 'Other' },
  pending: { zh: '尚未审结', en: 'Pending' },
};

function article20Grid(template: ReportTemplate, report: ComputedReport, lang: Lang): Grid {
  const width = 1 + Math.max(...template.article20.map((g) => g.columns.length));
  const rows: GridCell[][] = [];
  for (const group of template.article20) {
    rows.push([h(group.heading, lang, { colSpan: width })]);
    const spanOf = (i: number) => (i === group.columns.length - 1 ? width - group.columns.length : undefined);
    rows.push([h(T.content!, lang), ...group.columns.map((c, i) => h(c.label, lang, spanOf(i) && spanOf(i)! > 1 ? { colSpan: spanOf(i) } : {}))]);
    for (const row of group.rows) {
      rows.push([
        { text: row.label[lang] },
        ...group.columns.map((c, i) => {
          const value = report.article20[row.cell]?.[c.measure];
          const cellOut = num(value, `article20/${row.cell}/${c.measure}`, spanOf(i) && spanOf(i)! > 1 ? spanOf(i) : undefined);
          if (c.measure === 'items_change' && value && value.value > 0) cellOut.text = `+${value.value}`;
          return cellOut;
        }),
      ]);
    }
  }
  return { key: 'article20', width, rows };
}

function subReasonLabel(result: ReplyResult, sub: string, lang: Lang): string {
  const label = result === 'withhold' ? LEGAL_GROUND_LABELS[sub as keyof typeof LEGAL_GROUND_LABELS] : SUB_REASON_LABELS[sub as keyof typeof SUB_REASON_LABELS];
  const index = (SUB_REASONS[result] as readonly string[]).indexOf(sub) + 1;
  return `${index}. ${label[lang]}`;
}

/** （一） in Chinese, (1) in English. */
const rowNumber = (i: number, lang: Lang) => (lang === 'en' ? ROW_NUMBERS_EN : ROW_NUMBERS)[i];

function requestGrid(template: ReportTemplate, report: ComputedReport, lang: Lang): Grid {
  const columns: RequestColumn[] = [...APPLICANT_TYPES, 'total'];
  const numbers = (row: string) => columns.map((c) => num(report.requests[row]?.[c], `requests/${row}/${c}`));
  const leaves = resultRows(template);
  const rows: GridCell[][] = [
    [h(T.identity!, lang, { colSpan: 3, rowSpan: 3 }), h(T.applicants!, lang, { colSpan: 7 })],
    [h(APPLICANT_TYPE_LABELS.natural_person, lang, { rowSpan: 2 }), h(T.organisations!, lang, { colSpan: 5 }), h(T.total!, lang, { rowSpan: 2 })],
    APPLICANT_TYPES.slice(1).map((t) => h(APPLICANT_TYPE_LABELS[t], lang)),
    [h(T.new!, lang, { colSpan: 3 }), ...numbers(REQUEST_ROW_NEW)],
    [h(T.carriedOver!, lang, { colSpan: 3 }), ...numbers(REQUEST_ROW_CARRIED_OVER)],
  ];
  const groups = [...new Set(leaves.map((l) => l.result))];
  groups.forEach((result, gi) => {
    const ofResult = leaves.filter((l) => l.result === result);
    const name = `${rowNumber(gi, lang)}${REPLY_RESULT_LABELS[result][lang]}${result === 'partial' ? T.partialNote![lang] : ''}`;
    ofResult.forEach((leaf, li) => {
      const lead: GridCell[] = gi === 0 && li === 0 ? [h(T.results!, lang, { rowSpan: leaves.length + 1 })] : [];
      const labels = leaf.subReason == null
        ? [h(name, lang, { colSpan: 2 })]
        : [...(li === 0 ? [h(name, lang, { rowSpan: ofResult.length })] : []), h(subReasonLabel(result, leaf.subReason, lang), lang)];
      rows.push([...lead, ...labels, ...numbers(leaf.key)]);
    });
  });
  rows.push([h(`${rowNumber(groups.length, lang)}${T.total![lang]}`, lang, { colSpan: 2 }), ...numbers(REQUEST_ROW_RESULTS_TOTAL)]);
  rows.push([h(T.carriedForward!, lang, { colSpan: 3 }), ...numbers(REQUEST_ROW_CARRIED_FORWARD)]);
  return { key: 'requests', width: 10, rows };
}

function appealGrid(report: ComputedReport, lang: Lang): Grid {
  const outcomes = [...APPEAL_OUTCOMES, 'total'] as const;
  const outcomeHeaders = (rowSpan?: number) => outcomes.map((o) => h(o === 'total' ? T.total! : T[o]!, lang, rowSpan ? { rowSpan } : {}));
  return {
    key: 'appeals',
    width: 15,
    rows: [
      [h(T.reconsideration!, lang, { colSpan: 5 }), h(T.litigation!, lang, { colSpan: 10 })],
      [...outcomeHeaders(2), h(T.litigation_direct!, lang, { colSpan: 5 }), h(T.litigation_after_reconsideration!, lang, { colSpan: 5 })],
      [...outcomeHeaders(), ...outcomeHeaders()],
      APPEAL_KINDS.flatMap((k) => outcomes.map((o) => num(report.appeals[k][o], `appeals/${k}/${o}`))),
    ],
  };
}

/** The three tables of a computed report, laid out for `lang`. */
export function reportGrids(template: ReportTemplate, report: ComputedReport, lang: Lang): Grid[] {
  return [article20Grid(template, report, lang), requestGrid(template, report, lang), appealGrid(report, lang)];
}

/**
 * Places every cell of a grid on a rectangle, resolving spans the way HTML does.
 * Example: placeCells(grid)[0] → { row: 0, col: 0, cell } for the top-left cell.
 */
export function placeCells(grid: Grid): { row: number; col: number; cell: GridCell }[] {
  const taken = new Set<string>();
  const out: { row: number; col: number; cell: GridCell }[] = [];
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r}:${c}`)) c++;
      out.push({ row: r, col: c, cell });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) taken.add(`${r + dr}:${c + dc}`);
      c += cell.colSpan ?? 1;
    }
  });
  return out;
}
