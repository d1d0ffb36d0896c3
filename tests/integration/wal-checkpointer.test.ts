import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { drizzle } from 'drizzle-orm/libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, type Database as ShenfaDatabase } from '../../server/db/client';
import { LocalClient, type LocalClientOptions } from '../../server/db/local-client';
import * as schema from '../../server/db/schema/index';
import { settings } from '../../server/db/schema/index';
import { commitChange } from '../../server/services/commit';
import type { ServiceContext } from '../../server/services/service-context';

/**
 * The WAL is folded into the database file by a thread of its own (server/db/wal-checkpointer.ts),
 * never inside a request's commit; the log still starts over, so it stays small under steady
 * writes; and when the thread restarts the log, writes wait without blocking the event loop.
 * Real libsql files, a real worker thread.
 */
describe('background WAL checkpointing', () => {
  let dir: string;
  let file: string;
  const clients: LocalClient[] = [];
  const open = (background: LocalClientOptions['backgroundCheckpoint']) => {
    const client = new LocalClient({ path: file, busyTimeoutMs: 2000, pragmas: ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', 'PRAGMA foreign_keys = ON'], backgroundCheckpoint: background });
    clients.push(client);
    return client;
  };
  const walBytes = () => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  const autocheckpoint = async (client: LocalClient) => Number((await client.execute('PRAGMA wal_autocheckpoint')).rows[0]?.[0]);
  const until = async (condition: () => boolean, what: string) => {
    for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 2))) {
      if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    }
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-wal-checkpointer-'));
    file = path.join(dir, 'shenfa.db');
  });
  afterEach(() => {
    for (const client of clients.splice(0)) if (!client.closed) client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts after the set number of writes, keeps the log bounded under steady writes, and leaves every row in the file at close', async () => {
    const client = open({ intervalMs: 5, restartFrames: 64, restartWaitMs: 500, startAfterWrites: 10 });
    await client.execute('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const body = '审'.repeat(3000); // ≈ 9 KB: three pages a row
    const insert = (id: number) => client.batch([{ sql: 'INSERT INTO note (id, body) VALUES (?, ?)', args: [id, body] }], 'write');
    for (let id = 1; id < 10; id++) await insert(id);
    expect(client.checkpointsInBackground).toBe(false);
    expect(await autocheckpoint(client)).toBe(1000);
    await insert(10);
    await until(() => client.checkpointsInBackground, 'the thread to start');
    // The writer's own checkpoint is off: the thread does it.
    expect(await autocheckpoint(client)).toBe(0);

    // The WAL header's checkpoint sequence number (bytes 12–15) goes up each time the log starts over.
    const restarts = () => fs.readFileSync(`${file}-wal`).readUInt32BE(12);
    const before = restarts();
    let largestLog = 0;
    for (let id = 11; id <= 1500; id++) {
      await insert(id);
      if (id % 5 === 0) {
        largestLog = Math.max(largestLog, walBytes());
        // Steady writes with the event loop turning, as a server's are.
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    // Without restarts the log would hold every page written (≈ 13 MB); it started over again and again instead.
    expect(restarts() - before).toBeGreaterThanOrEqual(2);
    expect(largestLog).toBeLessThan((1500 * body.length * 3) / 2);

    client.close();
    // Every committed row is there for the next process, and the file is sound.
    const plain = new Database(file, { readonly: true });
    try {
      expect((plain.prepare('SELECT count(*) AS n FROM note').get() as { n: number }).n).toBe(1500);
      expect((plain.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    } finally {
      plain.close();
    }
  });

  it('while the log restarts, group commit waits off the event loop, then writes', async () => {
    const client = open({ intervalMs: 5, restartFrames: 8, restartWaitMs: 400, startAfterWrites: 1 });
    const database: ShenfaDatabase = { client, db: drizzle(client, { schema }), close: () => client.close() };
    await migrateDatabase(database);
    const ctx = { database } as ServiceContext;
    await commitChange(ctx, [database.db.insert(settings).values({ key: 'w_first', value: '1' })], [{ at: Date.now(), actorId: null, action: 'test.first', detail: {} }]);
    await until(() => client.checkpointsInBackground, 'the thread to start');

    // A reader on another connection holds an old snapshot: the restart must wait for it (up to restartWaitMs), writes paused meanwhile.
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM settings').get();
    await commitChange(ctx, [database.db.insert(settings).values({ key: 'w_second', value: '2' })], [{ at: Date.now(), actorId: null, action: 'test.second', detail: {} }]);
    await until(() => client.writesResumed() !== null, 'the checkpointer to pause the writes');

    let turns = 0;
    const ticker = setInterval(() => turns++, 2);
    const written = commitChange(ctx, [database.db.insert(settings).values({ key: 'w_during', value: '3' })], [{ at: Date.now(), actorId: null, action: 'test.during', detail: {} }]);
    const resumed = client.writesResumed();
    expect(resumed).not.toBeNull();
    await resumed;
    reader.exec('COMMIT');
    reader.close();
    await written;
    clearInterval(ticker);
    // Timers kept firing while the write waited: the event loop was not held in SQLite's busy handler.
    expect(turns).toBeGreaterThan(3);
    const keys = (await client.execute("SELECT key FROM settings WHERE key LIKE 'w\\_%' ESCAPE '\\' ORDER BY key")).rows.map((row) => row.key);
    expect(keys).toEqual(['w_during', 'w_first', 'w_second']);
  });

  it('gives the checkpoint back to the writer when the thread dies', async () => {
    const client = open({ intervalMs: 5, restartFrames: 4000, restartWaitMs: 500, startAfterWrites: 1 });
    await client.execute('CREATE TABLE note (id INTEGER PRIMARY KEY)');
    await client.batch(['INSERT INTO note (id) VALUES (1)'], 'write');
    await until(() => client.checkpointsInBackground, 'the thread to start');
    expect(await autocheckpoint(client)).toBe(0);
    // The thread ends behind the client's back, as a crash in it would end it. Not by
    // terminate(): killing it inside a libsql call can panic libsql's native finalizers and
    // abort the whole test process (neon "PendingException"; clean-clone CI, 2026-11-24). So
    // it is told to stop directly, and the client only sees it exit.
    const { worker } = (client as unknown as { checkpointer: { worker: { postMessage(m: unknown): void; once(e: 'exit', f: () => void): void } } }).checkpointer;
    const exited = new Promise<void>((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
    await until(() => !client.checkpointsInBackground, 'the client to notice');
    expect(await autocheckpoint(client)).toBe(1000);
    await client.batch(['INSERT INTO note (id) VALUES (2)'], 'write');
    expect((await client.execute('SELECT count(*) AS n FROM note')).rows[0]?.n).toBe(2);
  });
});
