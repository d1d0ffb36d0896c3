import path from 'node:path';
import Database from 'libsql';

/**
 * A bulk writer for seed-scale only (never the server's write path): one `libsql` connection
 * of its own on the database file, each INSERT shape prepared once and reused, large
 * transactions, durability relaxed while loading (a crash mid-load leaves a test database to
 * delete, nothing else), and the secondary indexes of the loaded tables dropped during the load
 * and created again afterwards from their own stored SQL, so they end exactly as the
 * migrations made them. Pragmas are per connection, so the server's own connection keeps its
 * settings throughout.
 */

export type Value = string | number | null;
export type Row = Record<string, Value>;

export interface BulkLoader {
  /** Inserts one row into `table` (the columns of the first row of a table fix its statement). */
  insert(table: string, row: Row): void;
  /** Runs `fn` in one transaction. */
  transaction(fn: () => void): void;
  /** A read on the same connection. */
  all(sql: string, ...args: Value[]): Row[];
  run(sql: string, ...args: Value[]): void;
  /** Recreates the dropped indexes, restores the pragmas and closes the connection. */
  finish(): void;
}

/** The file behind a `file:` database URL. */
export function databaseFile(url: string): string {
  if (!url.startsWith('file:')) throw new Error('seed-scale writes to a local database file (DATABASE_URL=file:…)');
  return path.resolve(url.slice('file:'.length).split('?')[0]!);
}

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
  // Secondary indexes (not the primary keys' autoindexes): rebuilt once, sorted, after the load.
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`).all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  const statements = new Map<string, { run(...args: Value[]): unknown; columns: string[] }>();
  const cache = new Map<string, Database.Statement<Value[]>>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare<Value[]>(sql)));
    return statement;
  };
  return {
    insert(table, row) {
      let statement = statements.get(table);
      if (!statement) {
        const columns = Object.keys(row);
        const prepared = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        statement = { run: (...args) => prepared.run(...args), columns };
        statements.set(table, statement);
      }
      statement.run(...statement.columns.map((c) => row[c] ?? null));
    },
    transaction(fn) {
      db.transaction(fn).immediate();
    },
    all(sql, ...args) {
      return prepared(sql).all(...args) as Row[];
    },
    run(sql, ...args) {
      prepared(sql).run(...args);
    },
    finish() {
      for (const index of indexes) db.exec(index.sql);
      db.exec('PRAGMA optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('synchronous = NORMAL');
      db.close();
    },
  };
}
