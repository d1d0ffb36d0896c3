import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, LibsqlError } from '@libsql/client';
import { LocalClient } from '../../server/db/local-client';
import { openDatabase } from '../../server/db/client';

/** The embedded driver must answer exactly as `@libsql/client` does, since drizzle and our services read its results. */
describe('the embedded libsql driver (server/db/local-client.ts)', () => {
  let dir: string;
  let client: LocalClient;
  const open = (cacheSize?: number) =>
    new LocalClient({ path: path.join(dir, 'db.sqlite'), busyTimeoutMs: 1000, pragmas: ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', 'PRAGMA foreign_keys = ON'], ...(cacheSize ? { statementCacheSize: cacheSize } : {}) });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-local-client-'));
    client = open();
    await client.executeMultiple(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, data BLOB);
      CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id));
    `);
  });
  afterEach(() => {
    client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives rows the shape @libsql/client gives: values by index and by column name, only names enumerable', async () => {
    await client.execute({ sql: 'INSERT INTO parent (id, name, score, data) VALUES (?, ?, ?, ?)', args: [1, '低保', 0.1 + 0.2, new Uint8Array([1, 2, 3]).buffer] });
    await client.execute({ sql: 'INSERT INTO parent (id, name) VALUES (:id, :name)', args: { ':id': 2, name: '救助' } });
    const ours = await client.execute('SELECT id, name, score, data, id AS again FROM parent ORDER BY id');
    const reference = createClient({ url: `file:${path.join(dir, 'db.sqlite')}` });
    try {
      const theirs = await reference.execute('SELECT id, name, score, data, id AS again FROM parent ORDER BY id');
      expect(ours.columns).toEqual(theirs.columns);
      expect(ours.rows.map((row) => Object.keys(row))).toEqual(theirs.rows.map((row) => Object.keys(row)));
      expect(ours.rows.map((row) => Array.from(row as ArrayLike<unknown>).slice(0, 3))).toEqual(theirs.rows.map((row) => Array.from(row as ArrayLike<unknown>).slice(0, 3)));
      expect(ours.rows[0]!.score).toBe(0.1 + 0.2);
      expect(new Uint8Array(ours.rows[0]!.data as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
      expect(ours.rows[1]!.name).toBe('救助');
      expect(typeof ours.rows[0]!.id).toBe('number');
      // Columns named like the row's own length and indexes, and a repeated name, as the reference has them.
      const odd = 'SELECT name AS length, id AS "0", score AS name, name FROM parent ORDER BY id';
      const [mine, reference2] = [await client.execute(odd), await reference.execute(odd)];
      for (const [a, b] of mine.rows.map((row, i) => [row, reference2.rows[i]!] as const)) {
        expect(Object.keys(a)).toEqual(Object.keys(b));
        expect(a.length).toBe(b.length);
        expect(Array.from(a as ArrayLike<unknown>)).toEqual(Array.from(b as ArrayLike<unknown>));
        expect(a.name).toEqual(b.name);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }
    } finally {
      reference.close();
    }
  });

  it('runs a batch as one transaction: a failing statement leaves nothing of the batch behind', async () => {
    await client.execute({ sql: 'INSERT INTO parent (id, name) VALUES (1, ?)', args: ['a'] });
    const error = await client.batch([
      { sql: 'INSERT INTO parent (id, name) VALUES (2, ?)', args: ['b'] },
      { sql: 'INSERT INTO child (id, parent_id) VALUES (1, 99)', args: [] },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toBe('SQLITE_CONSTRAINT');
    expect((error as LibsqlError).message).toMatch(/FOREIGN KEY/);
    expect((await client.execute('SELECT count(*) AS n FROM parent')).rows[0]!.n).toBe(1);
    // The connection is usable afterwards (not left inside the failed transaction).
    await client.batch([{ sql: 'INSERT INTO parent (id, name) VALUES (3, ?)', args: ['c'] }]);
    expect((await client.execute('SELECT count(*) AS n FROM parent')).rows[0]!.n).toBe(2);
  });

  it('reports rows affected and the last rowid, and treats SQL of only comments as nothing to do', async () => {
    const inserted = await client.execute({ sql: 'INSERT INTO parent (name) VALUES (?)', args: ['x'] });
    expect(inserted.rowsAffected).toBe(1);
    expect(inserted.lastInsertRowid).toBe(1n);
    const none = await client.execute('-- nothing here');
    expect(none.rows).toEqual([]);
    expect(none.rowsAffected).toBe(0);
  });

  it('keeps working when the statement cache evicts', async () => {
    client.close();
    client = open(2);
    for (let i = 0; i < 20; i++) {
      await client.execute({ sql: `INSERT INTO parent (name) VALUES (?) -- ${i % 5}`, args: [`n${i}`] });
      await client.execute({ sql: `SELECT name FROM parent WHERE id = ? -- ${i % 3}`, args: [i + 1] });
    }
    expect((await client.execute('SELECT count(*) AS n FROM parent')).rows[0]!.n).toBe(20);
  });

  it('sees another connection\'s commits after an EXPLAIN (libsql leaves EXPLAIN un-reset; the driver resets it)', async () => {
    await client.execute({ sql: 'INSERT INTO parent (id, name) VALUES (?, ?)', args: [1, '甲'] });
    const count = async () => Number((await client.execute('SELECT count(*) AS n FROM parent')).rows[0]!.n);
    for (const [i, explain] of ['EXPLAIN QUERY PLAN SELECT * FROM parent WHERE id = ?', 'EXPLAIN SELECT * FROM parent WHERE id > ?'].entries()) {
      expect((await client.execute({ sql: explain, args: [0] })).rows.length).toBeGreaterThan(0);
      const before = await count();
      const other = open();
      await other.execute({ sql: 'INSERT INTO parent (id, name) VALUES (?, ?)', args: [10 + i, `乙${i}`] });
      other.close();
      expect(await count()).toBe(before + 1);
      // And this connection can still write (a stale snapshot cannot).
      await client.batch([{ sql: 'INSERT INTO parent (id, name) VALUES (?, ?)', args: [20 + i, `丙${i}`] }], 'write');
    }
  });

  it('leaves every committed row in the database file itself when closed (a stopped server\'s file can be copied alone)', async () => {
    for (let i = 1; i <= 20; i++) await client.batch([{ sql: 'INSERT INTO parent (id, name) VALUES (?, ?)', args: [i, `名${i}`] }], 'write');
    client.close();
    const alone = path.join(dir, 'copied.sqlite');
    fs.copyFileSync(path.join(dir, 'db.sqlite'), alone);
    const copy = new LocalClient({ path: alone, busyTimeoutMs: 1000, pragmas: [] });
    try {
      expect((await copy.execute('SELECT count(*) AS n FROM parent')).rows[0]!.n).toBe(20);
    } finally {
      copy.close();
    }
    client = open();
  });

  it('gives an interactive transaction its own connection: its uncommitted rows are not read by others', async () => {
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO parent (name) VALUES (?)', args: ['pending'] });
    expect((await client.execute('SELECT count(*) AS n FROM parent')).rows[0]!.n).toBe(0);
    await tx.commit();
    expect(tx.closed).toBe(true);
    expect((await client.execute('SELECT count(*) AS n FROM parent')).rows[0]!.n).toBe(1);
    const rolledBack = await client.transaction('write');
    await rolledBack.execute({ sql: 'INSERT INTO parent (name) VALUES (?)', args: ['dropped'] });
    await rolledBack.rollback();
    expect((await client.execute('SELECT count(*) AS n FROM parent')).rows[0]!.n).toBe(1);
  });

  it('sets the server PRAGMAs on its connection (WAL, synchronous NORMAL, foreign keys)', async () => {
    client.close();
    const database = await openDatabase(`file:${path.join(dir, 'server.db')}`);
    try {
      expect((await database.client.execute('PRAGMA journal_mode')).rows[0]![0]).toBe('wal');
      expect((await database.client.execute('PRAGMA synchronous')).rows[0]![0]).toBe(1);
      expect((await database.client.execute('PRAGMA foreign_keys')).rows[0]![0]).toBe(1);
      expect((await database.client.execute('PRAGMA busy_timeout')).rows[0]![0]).toBe(5000);
    } finally {
      database.close();
      client = open();
    }
  });
});
