import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrateDatabase, type Database } from '../../server/db/client';
import { LocalClient } from '../../server/db/local-client';
import * as schema from '../../server/db/schema/index';
import { settings } from '../../server/db/schema/index';
import { commitChange } from '../../server/services/commit';
import { startGroupCommitThread } from '../../server/services/group-commit';
import { GroupCommitThread } from '../../server/services/group-commit-thread';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import type { ServiceContext } from '../../server/services/service-context';

/**
 * The group-commit thread (server/services/group-commit-thread.ts) next to the client's own
 * connection: the client's writes wait for the thread's transaction instead of colliding with
 * it, closing the database tells a group in flight how it went, and a thread that cannot start
 * leaves groups to the event loop. (What a group means is the same on both paths:
 * group-commit.test.ts runs every case on each.)
 */
describe('the group-commit thread beside the client connection', () => {
  let dir: string;
  let file: string;
  let database: Database;
  let ctx: ServiceContext;

  /** A migrated file database. busy_timeout 0: a write that meets another connection's lock fails at once instead of waiting in SQLite. */
  async function open(busyTimeoutMs = 0): Promise<Database> {
    const client = new LocalClient({ path: file, busyTimeoutMs, pragmas: ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', `PRAGMA busy_timeout = ${busyTimeoutMs}`, 'PRAGMA foreign_keys = ON'] });
    const opened: Database = { client, db: drizzle(client, { schema }), close: () => client.close() };
    await migrateDatabase(opened);
    return opened;
  }
  const setting = (key: string, value: string) => database.db.insert(settings).values({ key, value });
  const audit = (action: string) => [{ at: Date.now(), actorId: null, action }];
  const count = async (like: string) => Number((await database.client.execute({ sql: 'SELECT count(*) AS n FROM settings WHERE key LIKE ?', args: [like] })).rows[0]?.n);
  /** One change that holds the write lock for a while: a couple of hundred thousand rows. */
  const bulk = (prefix: string) => database.db.run(sql`INSERT INTO settings (key, value) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT ${prefix} || i, 'x' FROM n`);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-group-thread-'));
    file = path.join(dir, 'shenfa.db');
    database = await open();
    ctx = { database } as ServiceContext;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Resolves once a group has been handed to the thread. */
  function handedOver(): Promise<void> {
    return new Promise((resolve) => {
      const write = GroupCommitThread.prototype.write;
      vi.spyOn(GroupCommitThread.prototype, 'write').mockImplementation(function (this: GroupCommitThread, changes) {
        const written = write.call(this, changes);
        resolve();
        return written;
      });
    });
  }

  it("makes the client's own writes wait for the thread's transaction, so neither meets the other's lock", async () => {
    expect(await startGroupCommitThread(database)).toBe(true);
    const handed = handedOver();
    // Two changes, so the group goes to the thread; the first keeps its transaction open a while.
    const group = Promise.all([commitChange(ctx, [bulk('bulk_')], audit('test.bulk')), commitChange(ctx, [setting('g_small', '1')], audit('test.small'))]);
    await handed;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // With busy_timeout 0 these would fail with SQLITE_BUSY if they ran inside the thread's transaction.
    await database.client.execute({ sql: "INSERT INTO settings (key, value) VALUES ('g_direct', '1')", args: [] });
    await database.client.batch([{ sql: "INSERT INTO settings (key, value) VALUES ('g_batch', '1')", args: [] }], 'write');
    await group;
    expect(await count('bulk_%')).toBe(200000);
    expect(await count('g_%')).toBe(3);
    expect((await verifyAuditChain(ctx)).broken).toBeNull();
  });

  it('tells a group in flight at close that it was written, and it is in the file', async () => {
    expect(await startGroupCommitThread(database)).toBe(true);
    const handed = handedOver();
    const outcomes = Promise.allSettled([commitChange(ctx, [bulk('closing_')], audit('test.closing')), commitChange(ctx, [setting('g_closing', '1')], audit('test.closing2'))]);
    await handed;
    database.close();
    expect((await outcomes).map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    database = await open();
    ctx = { database } as ServiceContext;
    expect(await count('closing_%')).toBe(200000);
    expect(await count('g_closing')).toBe(1);
    expect((await database.client.execute("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'test.closing%'")).rows[0]?.n).toBe(2);
  });

  it('leaves groups to the event loop when the thread cannot open the file', async () => {
    const client = database.client as LocalClient;
    const options = client.connectionOptions;
    // The thread opens what connectionOptions says: a path in a folder that does not exist.
    vi.spyOn(client, 'connectionOptions', 'get').mockReturnValue({ ...options, path: path.join(dir, 'missing', 'shenfa.db') });
    expect(await startGroupCommitThread(database)).toBe(false);
    const writeGroup = vi.spyOn(client, 'writeGroup');
    await Promise.all([commitChange(ctx, [setting('g_a', '1')], audit('test.a')), commitChange(ctx, [setting('g_b', '2')], audit('test.b'))]);
    expect(writeGroup).toHaveBeenCalledTimes(1);
    expect(await count('g_%')).toBe(2);
    expect((await verifyAuditChain(ctx)).broken).toBeNull();
  });
});
