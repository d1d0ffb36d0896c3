import fs from 'node:fs';
import Database from 'libsql';
import type { BulkLoader, Value } from './bulk-loader';
import type { TableRows } from './row-batch';

/**
 * seed-scale builds the search indexes (FTS5 over bigram text: 46% of the writer's time when
 * the writer built them) beside the database instead of in it: the generator thread, which
 * makes the tokens anyway, writes them into a scratch file with the same FTS5 tables, and at
 * the end the writer replaces the database's FTS5 shadow tables (`<table>_data`, `_idx`,
 * `_docsize`: everything an FTS5 index is) with the scratch file's. The scratch tables start
 * as a copy of the database's, so the result is the index the writer would have built itself:
 * same rows, same tokens, same statistics for ranking. Each table's `_config` (its settings)
 * stays the database's own: the load settings below live only in the scratch file.
 */

export const SEARCH_TABLES = ['search_staff', 'search_public'] as const;

/**
 * Load settings, in the scratch file only: merge 16 segments of a level at a time instead of 4
 * (fewer rewrites of the same data), and let the pending terms grow to 64 MB before a segment
 * is written (rows go in one per statement, because FTS5 writes its pending terms out at every
 * statement savepoint, which a multi-row INSERT opens).
 */
const LOAD_SETTINGS: [string, number][] = [['automerge', 16], ['hashsize', 64 * 1024 * 1024]];

/** The scratch file beside a database file. */
export const sideSearchFile = (databaseFile: string) => `${databaseFile}-seed-search`;

type Query = (sql: string, ...args: Value[]) => Record<string, Value>[];

/** An FTS5 table's shadow tables (those it has: a contentless table has no `_content`). */
const shadowTables = (all: Query, table: string) =>
  all("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?, ?, ?, ?) ORDER BY name", `${table}_data`, `${table}_idx`, `${table}_docsize`, `${table}_content`, `${table}_config`).map((r) => String(r.name));

function copyShadows(loader: BulkLoader, from: string, to: string, names: string[]) {
  loader.transaction(() => {
    for (const name of names) {
      loader.run(`DELETE FROM ${to}."${name}"`);
      loader.run(`INSERT INTO ${to}."${name}" SELECT * FROM ${from}."${name}"`);
    }
  });
}

/**
 * Creates the scratch file with the database's own FTS5 tables (from their stored SQL) holding
 * a copy of what the database's indexes hold now. Called by the writer before the load.
 */
export function prepareSideSearchIndex(loader: BulkLoader, file: string): void {
  removeSideSearchIndex(file);
  const side = new Database(file);
  side.pragma('journal_mode = OFF');
  for (const table of SEARCH_TABLES) {
    const [created] = loader.all("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table);
    if (!created) throw new Error(`seed-scale: the database has no search table ${table}`);
    side.exec(String(created.sql));
  }
  const names = SEARCH_TABLES.flatMap((t) => shadowTables((sql, ...args) => side.prepare(sql).all(...args) as Record<string, Value>[], t));
  side.close();
  loader.run('ATTACH DATABASE ? AS seed_search', file);
  try {
    copyShadows(loader, 'main', 'seed_search', names);
  } finally {
    loader.run('DETACH DATABASE seed_search');
  }
}

/**
 * Replaces the database's FTS5 index contents with the scratch file's (not their `_config`),
 * in one transaction, and deletes the scratch file. Called by the writer after the load.
 */
export function adoptSideSearchIndex(loader: BulkLoader, file: string): void {
  loader.run('ATTACH DATABASE ? AS seed_search', file);
  try {
    copyShadows(loader, 'seed_search', 'main', SEARCH_TABLES.flatMap((t) => shadowTables(loader.all, t)).filter((n) => !n.endsWith('_config')));
  } finally {
    loader.run('DETACH DATABASE seed_search');
  }
  removeSideSearchIndex(file);
}

export function removeSideSearchIndex(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

export interface SideSearchWriter {
  /** Writes the search tables' rows of a chunk (other tables are the caller's). */
  insertRows(tables: readonly TableRows[]): void;
  /** Milliseconds of INSERTs per table, and of the final merge ('(search optimize)'). */
  timing(): Record<string, number>;
  /** Merges each index into one segment (what the database's queries read), and closes the file. */
  finish(): void;
}

/** The generator thread's connection to the scratch file. */
export function openSideSearchWriter(file: string): SideSearchWriter {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MB
  for (const table of SEARCH_TABLES) for (const [key, value] of LOAD_SETTINGS) db.prepare(`INSERT INTO "${table}" ("${table}", rank) VALUES ('${key}', ${value})`).run();
  const statements = new Map<string, Database.Statement<Value[]>>();
  const timing = new Map<string, number>();
  return {
    insertRows(tables) {
      db.exec('BEGIN');
      for (const [table, columns, values, rows] of tables) {
        const t0 = performance.now();
        let statement = statements.get(table);
        if (!statement) statements.set(table, (statement = db.prepare<Value[]>(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)));
        const width = columns.length;
        for (let at = 0; at < rows * width; at += width) statement.run(...values.slice(at, at + width));
        timing.set(table, (timing.get(table) ?? 0) + performance.now() - t0);
      }
      db.exec('COMMIT');
    },
    timing: () => Object.fromEntries([...timing].map(([k, v]) => [k, Math.round(v)])),
    finish() {
      const t0 = performance.now();
      for (const table of SEARCH_TABLES) db.prepare(`INSERT INTO "${table}" ("${table}") VALUES ('optimize')`).run();
      timing.set('(search optimize)', performance.now() - t0);
      db.close();
    },
  };
}
