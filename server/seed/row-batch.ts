import type { Row, Value } from './bulk-loader';

/**
 * Rows collected per table as flat value lists (the shape the bulk loader's multi-row INSERTs
 * take), so a batch crosses from the generator thread to the writer as a few large arrays
 * instead of a hundred thousand small objects. The columns of a table's first row fix its list.
 */
export type TableRows = [table: string, columns: string[], values: Value[], rows: number];

export interface RowSink {
  insert(table: string, row: Row): void;
}

export class RowBatch implements RowSink {
  private tables = new Map<string, { columns: string[]; values: Value[]; rows: number }>();

  insert(table: string, row: Row): void {
    let t = this.tables.get(table);
    if (!t) this.tables.set(table, (t = { columns: Object.keys(row), values: [], rows: 0 }));
    for (const c of t.columns) t.values.push(row[c] ?? null);
    t.rows++;
  }

  /** The collected rows in the order their tables first appeared; the batch starts empty again. */
  take(): TableRows[] {
    const out = [...this.tables].map(([table, t]): TableRows => [table, t.columns, t.values, t.rows]);
    this.tables = new Map();
    return out;
  }
}
