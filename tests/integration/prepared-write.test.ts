import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { tempDatabase, type TempDatabase } from '../support/temp-database';
import { placeholder, preparedWrite } from '../../server/db/prepared';
import { reviewRecords, settings, tasks } from '../../server/db/schema/index';
import { recordDecision } from '../../server/services/review-writes';
import { commitChange } from '../../server/services/commit';
import type { ServiceContext } from '../../server/services/service-context';

/**
 * A prepared write (server/db/prepared.ts) must store exactly what drizzle's builder stores for
 * the same values: JSON columns as JSON text, null as SQL NULL, booleans as 0/1; and a value
 * left out is an error, never a silent NULL. A real migrated libsql file.
 */
describe('prepared writes', () => {
  let temp: TempDatabase;
  let database: Database;

  beforeEach(async () => {
    temp = await tempDatabase('prepared-write');
    database = temp.database;
  });
  afterEach(() => temp.dispose());

  const raw = async (query: string) => (await database.client.execute(query)).rows.map((row) => ({ ...row }));

  it('stores the same rows as the query builder, in a batch and through group commit', async () => {
    const { db } = database;
    const base = { taskId: null, round: 1, step: 'legality_review', userId: 'u1', decision: 'approve', opinion: '同意', createdAt: 5 };
    // review_records has foreign keys to documents and users: write both ways with foreign keys off, compare the stored values.
    await database.client.execute('PRAGMA foreign_keys = OFF');
    try {
      const prepared = recordDecision(db);
      await db.batch([
        prepared({ ...base, id: 'p-null', documentId: 'd1', checks: null, opinionForm: null }),
        prepared({ ...base, id: 'p-json', documentId: 'd1', checks: { 合法: true, 保密: false }, opinionForm: { key: 'f', version: 2, values: { 意见: '同意' } } }),
      ]);
      await db.batch([
        db.insert(reviewRecords).values({ ...base, id: 'b-null', documentId: 'd1', checks: null, opinionForm: null }),
        db.insert(reviewRecords).values({ ...base, id: 'b-json', documentId: 'd1', checks: { 合法: true, 保密: false }, opinionForm: { key: 'f', version: 2, values: { 意见: '同意' } } }),
      ]);
      const rows = await raw("SELECT id, checks, opinion_form, typeof(checks) AS t FROM review_records ORDER BY id");
      const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
      expect({ ...byId['p-null'], id: null }).toEqual({ ...byId['b-null'], id: null });
      expect({ ...byId['p-json'], id: null }).toEqual({ ...byId['b-json'], id: null });
      expect(byId['p-null']?.t).toBe('null');
      expect(JSON.parse(String(byId['p-json']?.checks))).toEqual({ 合法: true, 保密: false });
    } finally {
      await database.client.execute('PRAGMA foreign_keys = ON');
    }

    // Through commitChange (group commit builds each item's SQL itself), with a boolean column and a constant in the SQL.
    await database.client.execute('PRAGMA foreign_keys = OFF');
    try {
      const openTask = preparedWrite<{ id: string; dueProvisional: boolean }>(db, 'test.task', (d) =>
        d.insert(tasks).values({ id: placeholder('id'), documentId: 'd1', step: 's', seatId: 's#1', role: 'legality', assigneeId: null, round: 1, status: 'open', createdAt: 1, dueDate: null, dueProvisional: placeholder('dueProvisional') }),
      );
      await commitChange({ database } as ServiceContext, [openTask({ id: 't1', dueProvisional: true }), openTask({ id: 't2', dueProvisional: false })], [{ at: 1, actorId: null, action: 'test.prepared', detail: {} }]);
      expect(await raw("SELECT id, due_provisional, status FROM tasks WHERE id IN ('t1', 't2') ORDER BY id")).toEqual([
        { id: 't1', due_provisional: 1, status: 'open' },
        { id: 't2', due_provisional: 0, status: 'open' },
      ]);
    } finally {
      await database.client.execute('PRAGMA foreign_keys = ON');
    }
  });

  it('refuses a value left out instead of writing NULL', () => {
    const setValue = preparedWrite<{ key: string; value: string }>(database.db, 'test.setting', (d) =>
      d.update(settings).set({ value: placeholder('value') }).where(eq(settings.key, sql.placeholder('key'))),
    );
    expect(() => setValue({ key: 'k' } as { key: string; value: string })).toThrow('No value for placeholder "value"');
    expect(() => setValue({ key: 'k', value: undefined } as unknown as { key: string; value: string })).toThrow('No value for placeholder "value"');
    expect(() => setValue({ key: 'k', value: 'v' })).not.toThrow();
  });
});
