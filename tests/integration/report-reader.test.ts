import { setTimeout as sleep } from 'node:timers/promises';
import { LibsqlError } from '@libsql/client';
import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { reportReads } from '../../server/db/report-reader';
import { settings } from '../../server/db/schema/index';
import { tempDatabase, type TempDatabase } from '../support/temp-database';

/** A query that takes SQLite a good while (counting to three million). */
const LONG = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c';

/**
 * The report reader (server/db/report-reader.ts): long read-only queries on a thread of their
 * own, answering exactly as the client's own connection would, never writing.
 */
describe('the report reader', () => {
  let temp: TempDatabase;
  let database: Database;

  beforeEach(async () => {
    temp = await tempDatabase('report-reader');
    database = temp.database;
  });
  afterEach(() => temp.dispose());

  /** Runs `query` while a 1 ms interval ticks: how many ticks ran before it was answered, and whether it was answered within the first 20 ms. */
  async function whileTicking(query: () => Promise<unknown>): Promise<{ ticks: number; answeredAt20ms: boolean }> {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    let ticksWhenAnswered = -1;
    try {
      const running = query().then(() => (ticksWhenAnswered = ticks));
      await sleep(20);
      const answeredAt20ms = ticksWhenAnswered !== -1;
      await running;
      return { ticks: ticksWhenAnswered, answeredAt20ms };
    } finally {
      clearInterval(timer);
    }
  }

  it('runs a long query while the event loop goes on, where the client connection holds it', async () => {
    const onLoop = await whileTicking(() => database.client.execute(LONG));
    // The control: on the client's own connection the whole query runs inside the call.
    expect(onLoop).toEqual({ ticks: 0, answeredAt20ms: true });
    const reader = reportReads(database).client;
    const offLoop = await whileTicking(() => reader.execute(LONG));
    expect(offLoop.answeredAt20ms).toBe(false);
    expect(offLoop.ticks).toBeGreaterThan(10);
    expect((await reader.execute(LONG)).rows[0]?.n).toBe(3_000_000);
  });

  it('answers as the client connection does: values by name and index, integers, reals, text, null and blobs', async () => {
    const query = { sql: "SELECT 42 AS i, 2.5 AS r, ? AS t, NULL AS z, x'cafe' AS b, 7 AS i", args: ['政务公开'] };
    const reader = reportReads(database).client;
    const [own, read] = [await database.client.execute(query), await reader.execute(query)];
    expect(read.columns).toEqual(own.columns);
    expect(read.rows.length).toBe(1);
    const [ownRow, readRow] = [own.rows[0]!, read.rows[0]!];
    expect({ ...readRow }).toEqual({ ...ownRow });
    expect(Array.from({ length: readRow.length }, (_, i) => readRow[i])).toEqual(Array.from({ length: ownRow.length }, (_, i) => ownRow[i]));
    expect(readRow[5]).toBe(7);
    expect(new Uint8Array(readRow.b as ArrayBuffer)).toEqual(new Uint8Array([0xca, 0xfe]));
    // drizzle over the reader maps rows as over the client.
    await database.db.insert(settings).values([{ key: 'b', value: '乙' }, { key: 'a', value: '甲' }]);
    const select = (db: Database['db']) => db.select({ key: settings.key, value: settings.value }).from(settings).orderBy(asc(settings.key));
    expect(await select(reportReads(database).db)).toEqual(await select(database.db));
  });

  it('sees every write committed before the query', async () => {
    const reader = reportReads(database).client;
    const count = async () => Number((await reader.execute('SELECT count(*) AS n FROM settings')).rows[0]?.n);
    const before = await count();
    await database.db.insert(settings).values({ key: 'report-reader.seen', value: '1' });
    expect(await count()).toBe(before + 1);
  });

  it('refuses to write, and the file is unchanged', async () => {
    const { client: reader } = reportReads(database);
    const count = async () => Number((await database.client.execute('SELECT count(*) AS n FROM settings')).rows[0]?.n);
    const before = await count();
    await expect(reader.execute({ sql: 'INSERT INTO settings (key, value) VALUES (?, ?)', args: ['x', 'y'] })).rejects.toBeInstanceOf(LibsqlError);
    await expect(reader.batch([{ sql: "INSERT INTO settings (key, value) VALUES ('x', 'y')", args: [] }])).rejects.toBeInstanceOf(LibsqlError);
    await expect(reader.transaction('write')).rejects.toThrow(/only reads/);
    await expect(reader.executeMultiple("INSERT INTO settings (key, value) VALUES ('x', 'y')")).rejects.toThrow(/only reads/);
    expect(await count()).toBe(before);
  });

  it("keeps SQLite's error codes, and answers the queries behind a failed one", async () => {
    const reader = reportReads(database).client;
    const failing = reader.execute('SELECT * FROM no_such_table');
    const next = reader.execute('SELECT 1 AS one');
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringMatching(/no such table/) });
    expect((await next).rows[0]?.one).toBe(1);
  });

  it('ends with its database: a query after closing is refused', async () => {
    const reader = reportReads(database).client;
    await reader.execute('SELECT 1');
    database.close();
    await expect(reader.execute('SELECT 1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });

  it('leaves an in-memory database on its own connection, which no other can open', async () => {
    const memory = await openDatabase('file::memory:');
    try {
      expect(reportReads(memory).client).toBe(memory.client);
      expect(reportReads(memory).db).toBe(memory.db);
    } finally {
      memory.close();
    }
  });

  it('works out the medians of the groups a query lists on its thread, as the client connection does', async () => {
    // Three groups of 1…n: 1.5 million values in all, listed by group_concat.
    const statement = {
      sql: `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?)
        SELECT 'g' || (x % 3) AS key, group_concat(x * 7 % 1000003) AS list FROM c GROUP BY key ORDER BY key`,
      args: [1_500_000],
    };
    const threaded = await whileTicking(() => reportReads(database).medians(statement));
    expect(threaded.answeredAt20ms).toBe(false);
    const memory = await openDatabase('file::memory:');
    try {
      const [onThread, onClient] = [await reportReads(database).medians(statement), await reportReads(memory).medians(statement)];
      expect(onThread).toEqual(onClient);
      expect(onThread.map((g) => g.key)).toEqual(['g0', 'g1', 'g2']);
      expect(onThread.map((g) => g.count)).toEqual([500_000, 500_000, 500_000]);
      // The control, by a full sort here: group g0's values.
      const g0 = Array.from({ length: 500_000 }, (_, i) => ((3 * (i + 1)) * 7) % 1000003).sort((a, b) => a - b);
      expect(onThread[0]).toEqual({ key: 'g0', count: 500_000, median: (g0[249_999]! + g0[250_000]!) / 2, max: g0.at(-1) });
    } finally {
      memory.close();
    }
  });
});
