/**
 * The report as the plain text of a catalog document: headings 一、二、…, the narrative
 * paragraphs, and each table row as one line ("label：column n，…"). This is the body that
 * goes through release review and is published in the catalog.
 */
import { SECTION_NUMBERS, type ReportTemplate } from './report-templates';
import { placeCells, reportGrids, type Grid } from './report-grid';
import type { ComputedReport } from './report-types';

export interface ReportNarrative {
  generalSituation: string;
  problemsAndImprovements: string;
  otherMatters: string;
}

export interface ReportContent {
  bureauName: string;
  template: ReportTemplate;
  computed: ComputedReport;
  narrative: ReportNarrative;
}

export function reportTitle(bureauName: string, year: number): string {
  return `${bureauName}${year}年政府信息公开工作年度报告`;
}

export function reportIntro(content: ReportContent): string {
  const y = content.computed.year;
  return `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告的有关要求编制，由${content.bureauName}根据本机关政府信息公开工作统计数据撰写。报告中所列数据的统计期限为${y}年1月1日至${y}年12月31日。`;
}

/** The sentence on information-processing fees that closes section 六. */
export function requestFeeSentence(computed: ComputedReport): string {
  const { count, amountYuan } = computed.requestFees;
  return count === 0 ? '本年度未收取政府信息公开信息处理费。' : `本年度依法收取政府信息公开信息处理费${count}笔，共计${amountYuan}元。`;
}

/** Heading of each section, with its number: '一、总体情况'. */
export function sectionHeadings(template: ReportTemplate): string[] {
  return template.sections.map((s, i) => `${SECTION_NUMBERS[i]}、${s.title.zh}`);
}

/** A grid as lines: the header cells of a data row joined, then its numbers against the column headings. */
export function gridLines(grid: Grid): string[] {
  const placed = placeCells(grid);
  // The column headings over a number; appeals need the whole path (行政诉讼·复议后起诉·结果维持).
  const headingOf = (col: number, row: number) => {
    const path = placed.filter((p) => p.cell.header && p.row < row && p.col <= col && col < p.col + (p.cell.colSpan ?? 1)).map((p) => p.cell.text);
    return grid.key === 'appeals' ? path.join('·') : (path.at(-1) ?? '');
  };
  const lines: string[] = [];
  grid.rows.forEach((_, r) => {
    const inRow = placed.filter((p) => p.row === r);
    const numbers = inRow.filter((p) => p.cell.ref);
    if (numbers.length === 0) {
      if (inRow.length === 1 && (inRow[0]!.cell.colSpan ?? 1) === grid.width) lines.push(inRow[0]!.cell.text);
      return;
    }
    // Labels of this row, including row-spanning labels from the rows above.
    const labels = placed
      .filter((p) => !p.cell.ref && p.row <= r && r < p.row + (p.cell.rowSpan ?? 1) && p.col < numbers[0]!.col)
      .sort((a, b) => a.col - b.col)
      .map((p) => p.cell.text);
    const values = numbers.map((p) => `${headingOf(p.col, r)} ${p.cell.text}`.trim());
    lines.push(`${labels.join('')}${labels.length ? '：' : ''}${values.join('，')}`);
  });
  return lines;
}

/** Plain-text body: paragraphs separated by blank lines, table rows as line-broken paragraphs. */
export function renderReportText(content: ReportContent): string {
  const heads = sectionHeadings(content.template);
  const grids = reportGrids(content.template, content.computed, 'zh');
  const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const parts: string[] = [reportIntro(content)];
  content.template.sections.forEach((section, i) => {
    parts.push(heads[i]!);
    switch (section.kind) {
      case 'general': parts.push(...paragraphs(content.narrative.generalSituation)); break;
      case 'problems': parts.push(...paragraphs(content.narrative.problemsAndImprovements)); break;
      case 'other': parts.push(...paragraphs(content.narrative.otherMatters), requestFeeSentence(content.computed)); break;
      case 'article20': parts.push(gridLines(grids[0]!).join('\n')); break;
      case 'requests': parts.push(gridLines(grids[1]!).join('\n')); break;
      case 'appeals': parts.push(gridLines(grids[2]!).join('\n')); break;
    }
  });
  return parts.join('\n\n');
}
