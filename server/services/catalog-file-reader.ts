import fs from 'node:fs';
import { Transform } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lazy-packages';
import { parse } from 'csv-parse';
import { badRequest, ShenfaError } from './errors';

/** One row of a spreadsheet as text cells; `rowNumber` is the row number a spreadsheet program shows (header = 1). */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

export type SheetFormat = 'xlsx' | 'csv';

/** xlsx files are zip archives (PK\x03\x04); anything else is read as CSV. */
export async function sheetFormat(file: string): Promise<SheetFormat> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as YYYY-MM-DD (Excel stores them as UTC midnight), rich text joined, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    return '';
  }
  return String(value);
}

/** Decodes a stream of UTF-8 chunks, keeping a character split between two chunks whole. */
async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decode = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decode.decode(chunk, { stream: true });
  const rest = decode.decode();
  if (rest) yield rest;
}

/**
 * exceljs's streaming reader decodes each zip chunk on its own, so a Chinese character split
 * between two chunks becomes '�' (exceljs issues #2063, #2084; still open in 4.4.0). These
 * two overrides hand its XML parser text decoded across chunk boundaries instead. (The class is
 * declared on each call because exceljs is loaded on first use: server/lazy-packages.ts.)
 */
async function utf8WorkbookReader(...args: ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>) {
  class Utf8WorkbookReader extends (await loadExcelJS()).stream.xlsx.WorkbookReader {
    _parseSharedStrings(entry: NodeJS.ReadableStream) {
      entry.setEncoding('utf8');
      // @ts-expect-error internal method of exceljs's reader
      return super._parseSharedStrings(entry);
    }
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
      // @ts-expect-error internal method of exceljs's reader
      return super._parseWorksheet(utf8Chunks(iterator), sheetNo);
    }
  }
  return new Utf8WorkbookReader(...args);
}

/** The file as a stream that reports how many bytes have been read (for a progress bar). */
function countedStream(file: string, onBytes: (read: number) => void) {
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes((read += chunk.length));
      done(null, chunk);
    },
  });
  return fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(counter);
}

async function* xlsxRows(file: string, onBytes: (read: number) => void): AsyncGenerator<SheetRow> {
  const reader = await utf8WorkbookReader(countedStream(file, onBytes), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  // Only the first worksheet holds the catalog.
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      yield { rowNumber: row.number, cells: values.slice(1).map(cellText) };
    }
    return;
  }
}

/** Excel in China saves CSV as GB18030 (GBK): a file whose start is not valid UTF-8 is read as that. */
async function isUtf8(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    // `stream: true` lets the sample end inside a character.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, bytesRead), { stream: true });
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

function gb18030ToUtf8(): Transform {
  const decode = new TextDecoder('gb18030');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, Buffer.from(decode.decode(chunk, { stream: true })));
    },
    flush(done) {
      done(null, Buffer.from(decode.decode()));
    },
  });
}

async function* csvRows(file: string, onBytes: (read: number) => void): AsyncGenerator<SheetRow> {
  // csv-parse works on bytes (fast); it is given UTF-8 either way.
  const encodedAsUtf8 = await isUtf8(file);
  const source = countedStream(file, onBytes);
  const utf8 = encodedAsUtf8 ? source : source.pipe(gb18030ToUtf8());
  const parser = utf8.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield { rowNumber: ++rowNumber, cells: record };
  } catch {
    throw badRequest(`CSV 文件第 ${rowNumber + 1} 行格式有误，无法读取`);
  }
}

const isBlank = (row: SheetRow) => row.cells.every((c) => c.trim() === '');

/** The rows of the file's first sheet, blank rows skipped; the first non-blank row is the header. */
export async function* sheetRows(file: string, onBytes: (read: number) => void = () => {}): AsyncGenerator<SheetRow> {
  const format = await sheetFormat(file);
  const rows = format === 'xlsx' ? xlsxRows(file, onBytes) : csvRows(file, onBytes);
  try {
    for await (const row of rows) if (!isBlank(row)) yield row;
  } catch (error) {
    if (error instanceof ShenfaError) throw error;
    throw badRequest(format === 'xlsx' ? '无法读取该 Excel 文件，请确认是 .xlsx 格式' : '无法读取该 CSV 文件');
  }
}

/** The header row's cells (trimmed), or a refusal for an empty file. */
export async function sheetHeaders(file: string): Promise<string[]> {
  for await (const row of sheetRows(file)) return row.cells.map((c) => c.trim());
  throw badRequest('文件是空的：第一行应为列名');
}
