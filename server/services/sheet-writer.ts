import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { loadExcelJS } from '../lazy-packages';

export type SheetFileFormat = 'xlsx' | 'csv';

export const SHEET_MIME: Record<SheetFileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Streams a header row and text rows into `out` as .xlsx (exceljs's streaming writer, one
 * row in memory at a time) or .csv (UTF-8 with a BOM, which Excel needs to read Chinese).
 * Every cell is text, so dates and 索引号 read back exactly as written.
 */
export async function writeSheet(format: SheetFileFormat, sheetName: string, headers: readonly string[], rows: AsyncIterable<string[]>, out: Writable): Promise<void> {
  if (format === 'csv') {
    await pipeline(Readable.from((async function* () {
      yield [...headers];
      yield* rows;
    })()), stringify({ bom: true }), out);
    return;
  }
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).commit();
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
