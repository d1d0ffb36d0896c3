// RSS growth per statement on a file database (libsql-client-ts #333):
// npx tsx bench/profiles/rss-growth.ts [count]
// 1. @libsql/client's file client execute() of a one-row INSERT (the server's driver until 2026-11-24);
// 2. the same client's batch() (what commitChange used);
// 3./4. the server's driver now (openDatabase → server/db/local-client.ts): execute() and batch();
// 5. the `libsql` driver preparing each time (is it prepare itself that grows?).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { createClient } from '@libsql/client';
import { openDatabase } from '../../server/db/client';

const count = Number(process.argv[2] ?? 100_000);
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-rss-'));

async function measure(name: string, run: (i: number) => Promise<unknown> | unknown) {
  globalThis.gc?.();
  const before = rssMb();
  const marks: string[] = [];
  for (let i = 0; i < count; i++) {
    await run(i);
    // A server turns the event loop between requests; native finalizers (a dropped statement's
    // or result cursor's) run only then, so a tight loop without turns would overstate growth.
    if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
    if ((i + 1) % (count / 4) === 0) marks.push(rssMb().toFixed(0));
  }
  globalThis.gc?.();
  const after = rssMb();
  console.log(`${name.padEnd(44)} RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB (${marks.join(' → ')}), ${(((after - before) * 1024 * 1024) / count).toFixed(0)} bytes per statement`);
}

const client = createClient({ url: `file:${path.join(dir, 'a.db')}` });
await client.execute('PRAGMA journal_mode = WAL');
await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
await measure('@libsql/client execute()', (i) => client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [`row ${i}`] }));
await measure('@libsql/client batch([1 statement])', (i) => client.batch([{ sql: 'INSERT INTO t (v) VALUES (?)', args: [`row ${i}`] }]));
client.close();

const database = await openDatabase(`file:${path.join(dir, 'c.db')}`);
await database.client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
await measure('Shenfa driver execute()', (i) => database.client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [`row ${i}`] }));
await measure('Shenfa driver batch([1 statement])', (i) => database.client.batch([{ sql: 'INSERT INTO t (v) VALUES (?)', args: [`row ${i}`] }]));
await measure('Shenfa driver SELECT (50 rows)', () => database.client.execute({ sql: 'SELECT id, v FROM t ORDER BY id DESC LIMIT ?', args: [50] }));
database.close();

const raw = new Database(path.join(dir, 'b.db'));
raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
const insert = raw.prepare('INSERT INTO t (v) VALUES (?)');
await measure('libsql prepared statement, reused', (i) => insert.run(`row ${i}`));
await measure('libsql prepare() per statement, not reused', (i) => raw.prepare('INSERT INTO t (v) VALUES (?)').run(`row ${i}`));
raw.close();
fs.rmSync(dir, { recursive: true, force: true });
