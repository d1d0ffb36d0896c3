import fs from 'node:fs';
import Database from 'libsql';
import type { BulkLoader, Value } from './bulk-loader';
import type { TableRows } from './row-batch';

/**
 * seed-scale builds the search indexes (FTS5 over bigram text: 46% of the writer's time when
 * the writer built them in the database) beside the database instead: each index in a scratch
 * file of its own with the same FTS5 table, written by whichever thread has time (the staff
 * index by the generator thread, which makes the tokens anyway; the public one by the writer,
 * which waited for rows), and at the end the writer replaces the database's FTS5 shadow tables
 * (`<table>_data`, `_idx`, `_docsize`: everything an FTS5 index holds) with the scratch
 * file's. The scratch table starts as a copy of the database's, so the result is the index the
 * writer would have built itself: same rows, same tokens, same statistics for ranking. The
 * table's `_config` (its settings) stays the database's own: the load settings below live only
 * in the scratch file.
 */

export const SEARCH_TABLES = ['search_staff', 'search_public'] as const;
export type SearchTable = (typeof SEARCH_TABLES)[number];

/**
 * Load settings, in the scratch file only: merge 16 segments of a level at a time instead of 4
 * (fewer rewrites of the same data), and let the pending terms grow to 64 MB before a segment
 * is written (rows go in one per statement, because FTS5 writes its pending terms out at every
 * statement savepoint, which a multi-row INSERT opens).
 */
const LOAD_SETTINGS: [string, number][] = [['automerge', 16], ['hashsize', 64 * 1024 * 1024]];

/** The scratch file of one search table, beside the database file. */
export const sideSearchFile = (databaseFile: string, table: SearchTable) => `${databaseFile}-seed-${table}`;

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
 * Creates the scratch file with the database's own FTS5 table (from its stored SQL) holding a
 * copy of what the database's index holds now. Called by the writer before the load.
 */
export function prepareSideSearchIndex(loader: BulkLoader, file: string, table: SearchTable): void {
  removeSideSearchIndex(file);
  const side = new Database(file);
  side.pragma('journal_mode = OFF');
  const [created] = loader.all("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table);
  if (!created) throw new Error(`seed-scale: the database has no search table ${table}`);
  side.exec(String(created.sql));
  const names = shadowTables((sql, ...args) => side.prepare(sql).all(...args) as Record<string, Value>[], table);
  side.close();
  loader.run('ATTACH DATABASE ? AS seed_search', file);
  try {
    copyShadows(loader, 'main', 'seed_search', names);
  } finally {
    loader.run('DETACH DATABASE seed_search');
  }
}

/**
 * Replaces the database's FTS5 index contents with the scratch file's (not its `_config`), in
 * one transaction, and deletes the scratch file. Called by the writer after the load.
 */
export function adoptSideSearchIndex(loader: BulkLoader, file: string, table: SearchTable): void {
  loader.run('ATTACH DATABASE ? AS seed_search', file);
  try {
    copyShadows(loader, 'seed_search', 'main', shadowTables(loader.all, table).filter((n) => !n.endsWith('_config')));
  } finally {
    loader.run('DETACH DATABASE seed_search');
  }
  removeSideSearchIndex(file);
}

export function removeSideSearchIndex(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

export interface SideSearchWriter {
  /** Writes this index's rows of a chunk (the other tables' rows are someone else's). */
  insertRows(tables: readonly TableRows[]): void;
  /** Milliseconds of INSERTs. */
  timing(): Record<string, number>;
  /** Closes the file (idempotent; after a failure the caller deletes it). */
  close(): void;
}

/** A connection to one scratch file, on the thread that writes that index. */
export function openSideSearchWriter(file: string, table: SearchTable): SideSearchWriter {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MB
  for (const [key, value] of LOAD_SETTINGS) db.prepare(`INSERT INTO "${table}" ("${table}", rank) VALUES ('${key}', ${value})`).run();
  let statement: Database.Statement<[Value[]]> | null = null;
  const timing = new Map<string, number>();
  return {
    insertRows(tables) {
      const mine = tables.find((t) => t[0] === table);
      if (!mine) return;
      const [, columns, values, rows] = mine;
      const t0 = performance.now();
      statement ??= db.prepare<[Value[]]>(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      const width = columns.length;
      db.exec('BEGIN');
      for (let at = 0; at < rows * width; at += width) statement.run(values.slice(at, at + width));
      db.exec('COMMIT');
      timing.set(table, (timing.get(table) ?? 0) + performance.now() - t0);
    },
    timing: () => Object.fromEntries([...timing].map(([k, v]) => [k, Math.round(v)])),
    close() {
      if (db.open) db.close();
    },
  };
}

/**
 * Merges a finished scratch index into one segment (what the database's queries then read: the
 * load settings leave more, smaller segments than the database's own automerge would), and
 * returns the milliseconds it took. On the generator thread, while the writer builds the indexes.
 */
export function mergeSideSearchIndex(file: string, table: SearchTable): number {
  const t0 = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.prepare(`INSERT INTO "${table}" ("${table}") VALUES ('optimize')`).run();
  db.close();
  return Math.round(performance.now() - t0);
}
