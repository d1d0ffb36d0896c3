import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { LocalClient } from '../../server/db/local-client';
import { settings } from '../../server/db/schema/index';
import { commitChange } from '../../server/services/commit';
import { startGroupCommitThread } from '../../server/services/group-commit';
import { GroupCommitThread } from '../../server/services/group-commit-thread';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import type { ServiceContext } from '../../server/services/service-context';
import { tempDatabase, type TempDatabase } from '../support/temp-database';

/**
 * Group commit (server/services/group-commit.ts): changes issued together share one
 * transaction, yet each is still whole or nothing, and nobody is told "written" before the
 * COMMIT. A real migrated libsql file; commitChange is the only write path under test. Each
 * case runs twice: groups written on the event loop's connection, and on the group-commit
 * thread a long-running server uses (group-commit-thread.ts).
 */
describe.each([
  { where: 'on the event loop', thread: false },
  { where: 'on the group-commit thread', thread: true },
])('group commit of changes issued together, $where', ({ thread }) => {
  let temp: TempDatabase;
  let database: Database;
  let ctx: ServiceContext;

  beforeEach(async () => {
    temp = await tempDatabase('group-commit');
    database = temp.database;
    // commitChange reads only the database from its context.
    ctx = { database } as ServiceContext;
    if (thread) expect(await startGroupCommitThread(database)).toBe(true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    temp.dispose();
  });

  const setting = (key: string, value: string) => database.db.insert(settings).values({ key, value });
  const audit = (action: string) => [{ at: Date.now(), actorId: null, action, detail: { group: 'test' } }];
  const keys = async () => (await database.db.select({ key: settings.key }).from(settings)).map((r) => r.key).filter((k) => k.startsWith('g_')).sort();
  const auditActions = async () => (await database.client.execute("SELECT action FROM audit_log WHERE action LIKE 'test.%' ORDER BY seq")).rows.map((r) => String(r.action));

  it('writes twenty changes in one transaction; the one that fails is undone alone and hears its own error', async () => {
    const writeGroup = thread ? vi.spyOn(GroupCommitThread.prototype, 'write') : vi.spyOn(database.client as LocalClient, 'writeGroup');
    await commitChange(ctx, [setting('g_taken', 'x')], audit('test.setup'));
    writeGroup.mockClear();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        // Change 7 writes its own row, then collides with an existing key: neither of its rows may stay.
        commitChange(ctx, i === 7 ? [setting('g_07', 'first half'), setting('g_taken', 'again')] : [setting(`g_${String(i).padStart(2, '0')}`, 'v')], audit(`test.change${i}`)),
      ),
    );

    expect(writeGroup).toHaveBeenCalledTimes(1);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    const failed = outcomes[7];
    expect(failed?.status).toBe('rejected');
    expect(String((failed as PromiseRejectedResult).reason?.message ?? (failed as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    const expected = Array.from({ length: 20 }, (_, i) => `g_${String(i).padStart(2, '0')}`).filter((k) => k !== 'g_07');
    expect(await keys()).toEqual([...expected, 'g_taken'].sort());
    // Audit rows only for the changes that stand, in the order they were issued, on one unbroken chain.
    expect(await auditActions()).toEqual(['test.setup', ...Array.from({ length: 20 }, (_, i) => `test.change${i}`).filter((a) => a !== 'test.change7')]);
    expect((await verifyAuditChain(ctx)).broken).toBeNull();
  });

  it('chains onto a tip another writer appended between groups', async () => {
    await commitChange(ctx, [setting('g_a', '1')], audit('test.first'));
    // Another process appends straight to the file (its own connection), after our first group.
    const other = await openDatabase(`file:${path.join(temp.dir, 'shenfa.db')}`);
    try {
      await commitChange({ database: other } as ServiceContext, [setting('g_b', '2')], audit('test.other'));
    } finally {
      other.close();
    }
    await Promise.all([commitChange(ctx, [setting('g_c', '3')], audit('test.third')), commitChange(ctx, [setting('g_d', '4')], audit('test.fourth'))]);
    expect(await auditActions()).toEqual(['test.first', 'test.other', 'test.third', 'test.fourth']);
    expect((await verifyAuditChain(ctx)).broken).toBeNull();
  });

  it('reports no change of a group as written when SQLite ends the transaction under it', async () => {
    await commitChange(ctx, [setting('g_before', 'kept')], audit('test.before'));
    // The third change ends the transaction itself, as SQLite does on a full disk or an I/O
    // error: the two changes before it in the group were not committed and must not say so.
    const outcomes = await Promise.allSettled([
      commitChange(ctx, [setting('g_one', '1')], audit('test.one')),
      commitChange(ctx, [setting('g_two', '2')], audit('test.two')),
      commitChange(ctx, [database.db.run(sql`ROLLBACK`)], audit('test.three')),
      commitChange(ctx, [setting('g_four', '4')], audit('test.four')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(await keys()).toEqual(['g_before']);
    expect(await auditActions()).toEqual(['test.before']);
    // The connection is usable again and the chain intact.
    await commitChange(ctx, [setting('g_after', 'ok')], audit('test.after'));
    expect(await keys()).toEqual(['g_after', 'g_before']);
    expect((await verifyAuditChain(ctx)).broken).toBeNull();
  });
});
