import path from 'node:path';
import Database from 'libsql';
import type { TableRows } from './row-batch';

/**
 * A bulk writer for seed-scale only (never the server's write path): one `libsql` connection
 * of its own on the database file, each INSERT shape prepared once and reused for groups of
 * rows, large transactions, durability relaxed while loading (a crash mid-load leaves a test
 * database to delete, nothing else). The loaded tables' secondary indexes and triggers are
 * dropped during the load and created again afterwards from their own stored SQL, so they end
 * exactly as the migrations made them. Pragmas are per connection, so the server's own
 * connection keeps its settings throughout.
 */

export type Value = string | number | null;
export type Row = Record<string, Value>;

export interface BulkLoader {
  /** Inserts one row into `table` (the columns of the first row of a table fix its statement; written in groups, in order). */
  insert(table: string, row: Row): void;
  /** Inserts a batch of rows collected elsewhere (a RowBatch), table by table in the batch's order. */
  insertRows(tables: readonly TableRows[]): void;
  /** Runs `fn` in one transaction. */
  transaction(fn: () => void): void;
  /** Opens and commits a transaction that spans several asynchronous steps. */
  begin(): void;
  commit(): void;
  /** Milliseconds spent in each table's INSERTs, and in rebuilding the indexes ('(indexes)'). */
  timing(): Record<string, number>;
  /** A read on the same connection. */
  all(sql: string, ...args: Value[]): Row[];
  run(sql: string, ...args: Value[]): void;
  /** Recreates the dropped indexes and triggers (once; finish does it if this was not called). */
  rebuildIndexes(): void;
  /** Recreates the dropped indexes, restores the pragmas and closes the connection. */
  finish(): void;
}

/** The file behind a `file:` database URL. */
export function databaseFile(url: string): string {
  if (!url.startsWith('file:')) throw new Error('seed-scale writes to a local database file (DATABASE_URL=file:…)');
  return path.resolve(url.slice('file:'.length).split('?')[0]!);
}

const ROWS_PER_STATEMENT = 50;

export function openBulkLoader(url: string, tables: readonly string[]): BulkLoader {
  const db = new Database(databaseFile(url));
  db.pragma('busy_timeout = 5000');
  // The copies reference rows that exist (templates, users, categories); checking each costs time.
  db.pragma('foreign_keys = OFF');
  // Per connection: this one only. WAL stays (the server's connection may have the file open).
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288'); // 512 MB
  db.pragma('temp_store = MEMORY');
  db.pragma('wal_autocheckpoint = 100000');
  const list = tables.map((t) => `'${t}'`).join(', ');
  // Secondary indexes (not the primary keys' autoindexes) and the loaded tables' triggers:
  // dropped, then created again from their own stored SQL after the load (indexes built once,
  // sorted). The caller brings the triggers' derived data up to date itself (seed-scale indexes
  // its documents for search and recounts catalog_counts).
  const dropped = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${list})`).all() as { type: string; name: string; sql: string }[];
  for (const item of dropped) db.exec(`DROP ${item.type === 'index' ? 'INDEX' : 'TRIGGER'} "${item.name}"`);
  const cache = new Map<string, Database.Statement<Value[]>>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare<Value[]>(sql)));
    return statement;
  };
  // Multi-row INSERTs take their values as one array (bound positionally as it is).
  const inserts = new Map<string, Database.Statement<[Value[]]>>();
  const preparedInsert = (sql: string) => {
    let statement = inserts.get(sql);
    if (!statement) inserts.set(sql, (statement = db.prepare<[Value[]]>(sql)));
    return statement;
  };
  // Rows wait per table and go in ROWS_PER_STATEMENT at a time (one statement step instead of many).
  const pending = new Map<string, { columns: string[]; values: Value[]; rows: number }>();
  const insertSql = (table: string, columns: string[], rows: number) =>
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;
  const flushTable = (table: string) => {
    const p = pending.get(table);
    if (!p || !p.rows) return;
    write(table, p.columns, p.values, p.rows);
    p.values = [];
    p.rows = 0;
  };
  const timing = new Map<string, number>();
  const write = (table: string, columns: string[], values: Value[], rows: number) => {
    const t0 = performance.now();
    const width = columns.length;
    let at = 0;
    // One array argument binds as it is (spread arguments are copied and flattened again).
    const full = rows - at >= ROWS_PER_STATEMENT ? preparedInsert(insertSql(table, columns, ROWS_PER_STATEMENT)) : null;
    for (; rows - at >= ROWS_PER_STATEMENT; at += ROWS_PER_STATEMENT) full!.run(values.slice(at * width, (at + ROWS_PER_STATEMENT) * width));
    if (at < rows) preparedInsert(insertSql(table, columns, rows - at)).run(values.slice(at * width, rows * width));
    timing.set(table, (timing.get(table) ?? 0) + performance.now() - t0);
  };
  const flush = () => {
    for (const table of pending.keys()) flushTable(table);
  };
  let rebuilt = false;
  const rebuildIndexes = () => {
    if (rebuilt) return;
    flush();
    rebuilt = true;
    const t0 = performance.now();
    for (const item of dropped) db.exec(item.sql);
    timing.set('(indexes)', performance.now() - t0);
  };
  return {
    insert(table, row) {
      let p = pending.get(table);
      if (!p) pending.set(table, (p = { columns: Object.keys(row), values: [], rows: 0 }));
      for (const c of p.columns) p.values.push(row[c] ?? null);
      if (++p.rows === ROWS_PER_STATEMENT) flushTable(table);
    },
    insertRows(tables) {
      flush();
      for (const [table, columns, values, rows] of tables) write(table, columns, values, rows);
    },
    begin() {
      db.exec('BEGIN IMMEDIATE');
    },
    commit() {
      flush();
      db.exec('COMMIT');
    },
    timing: () => Object.fromEntries([...timing].map(([k, v]) => [k, Math.round(v)])),
    transaction(fn) {
      db.transaction(() => {
        fn();
        flush();
      }).immediate();
    },
    all(sql, ...args) {
      flush();
      return prepared(sql).all(...args) as Row[];
    },
    run(sql, ...args) {
      flush();
      prepared(sql).run(...args);
    },
    rebuildIndexes,
    finish() {
      // After a failure part-way, the open transaction's rows are dropped, not committed.
      if (db.inTransaction) {
        db.exec('ROLLBACK');
        pending.clear();
      }
      rebuildIndexes();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('synchronous = NORMAL');
      db.close();
    },
  };
}
