/**
 * The two templates of the annual report (国办公开办函〔2019〕60号 and 〔2021〕30号) as data.
 * The request table's result rows are built from the shared request vocabulary, so a template
 * only says which results it splits into sub-rows; the Article 20 groups name their columns
 * (measures) and rows (cells a category can map to).
 */
import { REPLY_RESULTS, SUB_REASONS, type ReplyResult } from '../../workflows/requests/request-vocabulary';
import type { Article20Cell } from './report-types';

export type Label = { zh: string; en: string };

/** What a column of an Article 20 group counts (see computeArticle20). */
export const ARTICLE20_MEASURES = [
  'made_in_year', 'published_in_year', 'published_total', 'repealed_in_year', 'in_force',
  'items_prev_year', 'items_change', 'decisions_in_year', 'fee_amount_wan', 'procurement_count', 'procurement_amount_yuan',
] as const;
export type Article20Measure = (typeof ARTICLE20_MEASURES)[number];

export interface Article20Group {
  /** 第二十条第（一）项 */
  heading: Label;
  columns: { measure: Article20Measure; label: Label }[];
  rows: { cell: Article20Cell; label: Label }[];
}

export type SectionKind = 'general' | 'article20' | 'requests' | 'appeals' | 'problems' | 'other';

export interface ReportTemplate {
  key: '2019' | '2021';
  name: Label;
  sections: { kind: SectionKind; title: Label }[];
  article20: Article20Group[];
  /** Results whose sub-reasons get their own rows; the others are one row each. */
  splitResults: readonly ReplyResult[];
}

export const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八'] as const;
export const ROW_NUMBERS = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）'] as const;
/** The same row numbers as an English reader writes them: (1) Disclosed. */
export const ROW_NUMBERS_EN = ['(1) ', '(2) ', '(3) ', '(4) ', '(5) ', '(6) ', '(7) ', '(8) '] as const;

const SECTIONS: ReportTemplate['sections'] = [
  { kind: 'general', title: { zh: '总体情况', en: 'General situation' } },
  { kind: 'article20', title: { zh: '主动公开政府信息情况', en: 'Proactive disclosure' } },
  { kind: 'requests', title: { zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled' } },
  { kind: 'appeals', title: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reconsideration and litigation' } },
  { kind: 'problems', title: { zh: '存在的主要问题及改进情况', en: 'Main problems and improvements' } },
  { kind: 'other', title: { zh: '其他需要报告的事项', en: 'Other matters' } },
];

const l = (zh: string, en: string): Label => ({ zh, en });
const item = (n: string, en: string): Label => l(`第二十条第（${n}）项`, `Article 20, item ${en}`);

export const TEMPLATE_2019: ReportTemplate = {
  key: '2019',
  name: l('2019年版（国办公开办函〔2019〕60号）', '2019 template'),
  sections: SECTIONS,
  article20: [
    {
      heading: item('一', '1'),
      columns: [
        { measure: 'made_in_year', label: l('本年新制作数量', 'Made this year') },
        { measure: 'published_in_year', label: l('本年新公开数量', 'Published this year') },
        { measure: 'published_total', label: l('对外公开总数量', 'Published in total') },
      ],
      rows: [{ cell: 'rules', label: l('规章', 'Rules') }, { cell: 'normative_documents', label: l('规范性文件', 'Normative documents') }],
    },
    {
      heading: item('五', '5'),
      columns: [
        { measure: 'items_prev_year', label: l('上一年项目数量', 'Items last year') },
        { measure: 'items_change', label: l('本年增/减', 'Change this year') },
        { measure: 'decisions_in_year', label: l('处理决定数量', 'Decisions') },
      ],
      rows: [{ cell: 'licensing', label: l('行政许可', 'Administrative licensing') }, { cell: 'other_services', label: l('其他对外管理服务事项', 'Other external management services') }],
    },
    {
      heading: item('六', '6'),
      columns: [
        { measure: 'items_prev_year', label: l('上一年项目数量', 'Items last year') },
        { measure: 'items_change', label: l('本年增/减', 'Change this year') },
        { measure: 'decisions_in_year', label: l('处理决定数量', 'Decisions') },
      ],
      rows: [{ cell: 'penalty', label: l('行政处罚', 'Administrative penalties') }, { cell: 'enforcement', label: l('行政强制', 'Administrative enforcement') }],
    },
    {
      heading: item('八', '8'),
      columns: [
        { measure: 'items_prev_year', label: l('上一年项目数量', 'Items last year') },
        { measure: 'items_change', label: l('本年增/减', 'Change this year') },
      ],
      rows: [{ cell: 'fees', label: l('行政事业性收费', 'Administrative fees') }],
    },
    {
      heading: item('九', '9'),
      columns: [
        { measure: 'procurement_count', label: l('采购项目数量', 'Procurement projects') },
        { measure: 'procurement_amount_yuan', label: l('采购总金额（元）', 'Total amount (yuan)') },
      ],
      rows: [{ cell: 'procurement', label: l('政府集中采购', 'Centralised government procurement') }],
    },
  ],
  splitResults: ['withhold', 'cannot_provide', 'not_processed'],
};

export const TEMPLATE_2021: ReportTemplate = {
  key: '2021',
  name: l('2021年版（国办公开办函〔2021〕30号）', '2021 template'),
  sections: SECTIONS,
  article20: [
    {
      heading: item('一', '1'),
      columns: [
        { measure: 'made_in_year', label: l('本年制发件数', 'Made this year') },
        { measure: 'repealed_in_year', label: l('本年废止件数', 'Repealed this year') },
        { measure: 'in_force', label: l('现行有效件数', 'In force') },
      ],
      rows: [{ cell: 'rules', label: l('规章', 'Rules') }, { cell: 'normative_documents', label: l('行政规范性文件', 'Administrative normative documents') }],
    },
    {
      heading: item('五', '5'),
      columns: [{ measure: 'decisions_in_year', label: l('本年处理决定数量', 'Decisions this year') }],
      rows: [{ cell: 'licensing', label: l('行政许可', 'Administrative licensing') }],
    },
    {
      heading: item('六', '6'),
      columns: [{ measure: 'decisions_in_year', label: l('本年处理决定数量', 'Decisions this year') }],
      rows: [{ cell: 'penalty', label: l('行政处罚', 'Administrative penalties') }, { cell: 'enforcement', label: l('行政强制', 'Administrative enforcement') }],
    },
    {
      heading: item('八', '8'),
      columns: [{ measure: 'fee_amount_wan', label: l('本年收费金额（单位：万元）', 'Fees this year (10,000 yuan)') }],
      rows: [{ cell: 'fees', label: l('行政事业性收费', 'Administrative fees') }],
    },
  ],
  splitResults: ['withhold', 'cannot_provide', 'not_processed', 'other'],
};

export const REPORT_TEMPLATES = { '2019': TEMPLATE_2019, '2021': TEMPLATE_2021 } as const;
export const TEMPLATE_KEYS = ['2019', '2021'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** A result row of the request table: a whole result, or one sub-reason of a split result. */
export interface ResultRow {
  key: string;
  result: ReplyResult;
  subReason: string | null;
}

/**
 * The result rows of a template, in the order of the Regulations.
 * Example: resultRows(TEMPLATE_2019).at(-1) → { key: 'result:other', result: 'other', subReason: null }
 */
export function resultRows(template: ReportTemplate): ResultRow[] {
  return REPLY_RESULTS.flatMap((result): ResultRow[] => {
    const subs = SUB_REASONS[result];
    if (subs.length === 0 || !template.splitResults.includes(result)) return [{ key: `result:${result}`, result, subReason: null }];
    return subs.map((s) => ({ key: `result:${result}:${s}`, result, subReason: s as string }));
  });
}

export const REQUEST_ROW_NEW = 'new';
export const REQUEST_ROW_CARRIED_OVER = 'carried_over';
export const REQUEST_ROW_RESULTS_TOTAL = 'results_total';
export const REQUEST_ROW_CARRIED_FORWARD = 'carried_forward';
