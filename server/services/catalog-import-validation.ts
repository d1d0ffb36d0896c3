import { CATALOG_COLUMNS, CATALOG_FIELDS, mappingProblems, type CatalogField, type ColumnMapping } from '../../forms/catalog-columns';
import { catalogRowSchema, validateCatalogRow, type CatalogRowCells } from '../../forms/catalog-row';
import { categories, departments } from '../db/schema/index';
import { cstDate } from '../time';
import { badRequest } from './errors';
import { sheetRows } from './catalog-file-reader';
import { readSetting, SETTING_KEYS } from './settings';
import type { ImportedRow } from './catalog-import-commit';
import type { ServiceContext } from './service-context';

/** More rows than this are refused before reading on: a catalog is not that long. */
export const MAX_IMPORT_ROWS = 500_000;
/** Errors kept for the report; all of them are counted. */
const KEPT_ERRORS = 1000;

export interface ImportRowError {
  rowNumber: number;
  /** The template's header of the field, or '' for the whole row. */
  column: string;
  message: string;
}

export interface ImportValidation {
  headers: string[];
  total: number;
  valid: number;
  errorRows: number;
  errorCount: number;
  /** The first errors, in row order. */
  errors: ImportRowError[];
  counts: { open: number; partial: number; withIndexNumber: number };
}

const header = (field: CatalogField) => CATALOG_COLUMNS.find((c) => c.field === field)!.header;

/**
 * Reads the whole file and checks every row (the fields, then 索引号 unique within the file and
 * against the catalog). Writes nothing. Returns the rows ready to commit when there is no error.
 */
export async function validateCatalogFile(
  ctx: ServiceContext,
  file: string,
  mapping: ColumnMapping,
  onProgress: (rowsRead: number) => void = () => {},
  onBytes: (bytesRead: number) => void = () => {},
): Promise<{ report: ImportValidation; rows: ImportedRow[] }> {
  const { db, client } = ctx.database;
  const lookups = {
    categories: await db.select({ id: categories.id, code: categories.code, nameZh: categories.nameZh }).from(categories),
    departments: await db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments),
    bureauName: await readSetting(db, SETTING_KEYS.bureauName),
    today: cstDate(ctx.now()),
  };
  const schema = catalogRowSchema(lookups);
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  const errorRowNumbers = new Set<number>();
  const fail = (rowNumber: number, column: string, message: string) => {
    errorCount++;
    errorRowNumbers.add(rowNumber);
    if (errors.length < KEPT_ERRORS) errors.push({ rowNumber, column, message });
  };
  const rows: ImportedRow[] = [];
  const seenIndex = new Map<string, number>();
  let headers: string[] | null = null;
  let positions: [CatalogField, number][] = [];
  let total = 0;
  for await (const sheetRow of sheetRows(file, onBytes)) {
    if (!headers) {
      headers = sheetRow.cells.map((c) => c.trim());
      const problems = mappingProblems(mapping, headers);
      if (problems.length) throw badRequest(`列对应有误：${problems.join('；')}`);
      positions = CATALOG_FIELDS.flatMap((f) => (mapping[f] ? [[f, headers!.indexOf(mapping[f]!)] as [CatalogField, number]] : []));
      continue;
    }
    if (++total > MAX_IMPORT_ROWS) throw badRequest(`文件超过 ${MAX_IMPORT_ROWS} 行，请分批导入`);
    if (total % 500 === 0) onProgress(total);
    const cells = Object.fromEntries(CATALOG_FIELDS.map((f) => [f, ''])) as CatalogRowCells;
    for (const [field, at] of positions) cells[field] = sheetRow.cells[at] ?? '';
    const result = validateCatalogRow(schema, cells);
    if (!result.ok) {
      for (const issue of result.issues) fail(sheetRow.rowNumber, header(issue.field), issue.message);
      continue;
    }
    const { indexNumber } = result.row;
    if (indexNumber) {
      const first = seenIndex.get(indexNumber);
      if (first !== undefined) {
        fail(sheetRow.rowNumber, header('indexNumber'), `「索引号」${indexNumber} 与第 ${first} 行重复`);
        continue;
      }
      seenIndex.set(indexNumber, sheetRow.rowNumber);
    }
    rows.push({ ...result.row, rowNumber: sheetRow.rowNumber });
  }
  if (!headers) throw badRequest('文件是空的：第一行应为列名');
  onProgress(total);
  // 索引号 already in the catalog (or held by any document).
  const given = [...seenIndex.keys()];
  for (let i = 0; i < given.length; i += 500) {
    const part = given.slice(i, i + 500);
    const taken = await client.execute({ sql: `SELECT index_number FROM documents WHERE index_number IN (${part.map(() => '?').join(', ')})`, args: part });
    for (const r of taken.rows) {
      const number = String(r.index_number);
      fail(seenIndex.get(number)!, header('indexNumber'), `「索引号」${number} 已被已有文件使用`);
    }
  }
  errors.sort((a, b) => a.rowNumber - b.rowNumber);
  const valid = rows.filter((r) => !errorRowNumbers.has(r.rowNumber));
  return {
    report: {
      headers,
      total,
      valid: valid.length,
      errorRows: errorRowNumbers.size,
      errorCount,
      errors,
      counts: { open: valid.filter((r) => r.attribute === 'open').length, partial: valid.filter((r) => r.attribute === 'partial').length, withIndexNumber: valid.filter((r) => r.indexNumber).length },
    },
    rows: valid,
  };
}
