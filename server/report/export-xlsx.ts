/**
 * The report's tables as an Excel workbook: one sheet per table, spans as merged cells,
 * numbers as numbers (so a reader can re-add them), plus a sheet of any identity violations.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lazy-packages';
import { placeCells, reportGrids, type Grid } from './report-grid';
import { reportTitle, type ReportContent } from './report-text';
import type { IdentityViolation } from './report-types';

export const XLSX_SHEETS = { article20: '主动公开', requests: '依申请公开', appeals: '复议诉讼' } as const;
const thin = { style: 'thin' as const };

function fillSheet(sheet: ExcelJS.Worksheet, grid: Grid, title: string) {
  sheet.mergeCells(1, 1, 1, grid.width);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const top = 2;
  for (const { row, col, cell } of placeCells(grid)) {
    const r = top + row;
    const c = 1 + col;
    const target = sheet.getCell(r, c);
    // Numbers go in as numbers; a signed change (+3) is a number too.
    target.value = cell.ref ? Number(cell.text) : cell.text;
    target.alignment = { vertical: 'middle', horizontal: cell.ref || cell.header ? 'center' : 'left', wrapText: true };
    if (cell.header && !cell.ref) target.font = { bold: (cell.colSpan ?? 1) === grid.width };
    if ((cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1) sheet.mergeCells(r, c, r + (cell.rowSpan ?? 1) - 1, c + (cell.colSpan ?? 1) - 1);
    for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
      sheet.getCell(r + dr, c + dc).border = { top: thin, bottom: thin, left: thin, right: thin };
    }
  }
  for (let c = 1; c <= grid.width; c++) sheet.getColumn(c).width = grid.key === 'requests' && c <= 3 ? 22 : 12;
}

/** The .xlsx file of a report. */
export async function reportXlsx(content: ReportContent, violations: IdentityViolation[]): Promise<Buffer> {
  const book = new (await loadExcelJS()).Workbook();
  book.creator = content.bureauName;
  const title = reportTitle(content.bureauName, content.computed.year);
  for (const grid of reportGrids(content.template, content.computed, 'zh')) {
    fillSheet(book.addWorksheet(XLSX_SHEETS[grid.key]), grid, title);
  }
  if (violations.length) {
    const sheet = book.addWorksheet('勾稽关系');
    sheet.addRow(['表', '行', '列', '应为', '实为', '涉及记录']);
    for (const v of violations) sheet.addRow([v.table, v.row, v.column, v.expected, v.actual, v.causes.map((id) => content.computed.labels[id] ?? id).join('、')]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
