import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, DrizzleQueryError, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../server/bootstrap';
import { readConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { withFastRead } from '../../server/db/fast-read';
import { preparedQuery } from '../../server/db/prepared';
import { categories, departments, documents, reviewRecords, sessions, settings, tasks, userRoles, users } from '../../server/db/schema/index';
import { seedDemoBureau } from '../../server/seed/seed-demo';
import type { ServiceContext } from '../../server/services/service-context';

/**
 * A prepared select read through the embedded driver's plain rows (server/db/fast-read.ts)
 * must give exactly what drizzle's own path gives: nested selections, left joins that match
 * nothing (the joined object turns null, or stays an object of nulls when drizzle says so),
 * JSON and boolean columns, SQL expressions with their decoders, placeholders, no row. On
 * the seeded demo bureau, in a real migrated libsql file.
 */
describe('fast reads', () => {
  let dir: string;
  let services: ServiceContext;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-fast-read-'));
    const config = readConfig({ DATABASE_URL: `file:${path.join(dir, 'shenfa.db')}`, SHENFA_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' });
    services = await createServices(config);
    await seedDemoBureau(services, 'fast-read-password');
  }, 60_000);
  afterAll(() => {
    services.database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const db = () => services.database.db;
  // Each query prepared twice: drizzle's own, and the fast one; both must answer alike.
  const cases: [string, () => { prepare(): unknown }, Record<string, unknown>][] = [
    ['every column of documents (JSON, booleans, nulls)', () => db().select().from(documents).orderBy(asc(documents.id)), {}],
    ['a document with its category (left join, nested)', () => db().select({ doc: documents, code: categories.code }).from(documents).leftJoin(categories, eq(categories.id, documents.categoryId)).where(eq(documents.id, sql.placeholder('id'))), { id: 'pick' }],
    ['users with their roles, a left join that misses for some', () => db().select({ user: users, role: userRoles }).from(users).leftJoin(userRoles, eq(userRoles.userId, users.id)).orderBy(asc(users.id)), {}],
    ['a nested partial selection of two tables', () => db().select({ u: { id: users.id, name: users.displayName }, d: { id: departments.id, name: departments.name } }).from(users).leftJoin(departments, eq(departments.id, users.departmentId)), {}],
    ['an aggregate with a decoder', () => db().select({ status: documents.status, n: count(), flag: sql<boolean>`max(${documents.hasStatistics})`.mapWith(Boolean) }).from(documents).groupBy(documents.status), {}],
    ['review records (JSON checks, nullable task)', () => db().select().from(reviewRecords).orderBy(asc(reviewRecords.id)), {}],
    ['no row at all', () => db().select().from(tasks).where(eq(tasks.id, sql.placeholder('id'))), { id: 'no-such-task' }],
  ];

  it.each(cases)('%s', async (_name, build, values) => {
    const args = values.id === 'pick' ? { id: (await db().select({ id: documents.id }).from(documents).limit(1))[0]!.id } : values;
    const theirs = build().prepare() as { all(v: unknown): Promise<unknown[]>; get(v: unknown): Promise<unknown>; execute(v: unknown): Promise<unknown> };
    const ours = withFastRead(build().prepare()) as typeof theirs;
    expect(ours).not.toBe(theirs);
    const expected = await theirs.all(args);
    if (values.id !== 'no-such-task') expect(expected.length).toBeGreaterThan(0);
    // toStrictEqual: the same keys, null where drizzle gives null, the same value types.
    expect(await ours.all(args)).toStrictEqual(expected);
    expect(await ours.get(args)).toStrictEqual(await theirs.get(args));
    expect(await ours.execute(args)).toStrictEqual(await theirs.execute(args));
  });

  it('answers get() with the values asked for, after all() with others (libsql answers get() after all() with the old row)', async () => {
    const ids = (await db().select({ id: documents.id }).from(documents).orderBy(asc(documents.id)).limit(2)).map((r) => r.id);
    expect(ids.length).toBe(2);
    const byId = withFastRead(db().select({ id: documents.id }).from(documents).where(eq(documents.id, sql.placeholder('id'))).prepare());
    expect(await byId.all({ id: ids[0] })).toEqual([{ id: ids[0] }]);
    expect(await byId.get({ id: ids[1] })).toEqual({ id: ids[1] });
    expect(await byId.get({ id: ids[0] })).toEqual({ id: ids[0] });
  });

  it('reads the first row of many without holding the snapshot: a write from another connection is seen next', async () => {
    const many = withFastRead(db().select({ id: documents.id }).from(documents).orderBy(asc(documents.id)).prepare());
    expect(await many.get()).toBeDefined();
    const other = await openDatabase(`file:${path.join(dir, 'shenfa.db')}`);
    try {
      await other.client.execute({ sql: 'INSERT INTO settings (key, value) VALUES (?, ?)', args: ['fast-read.first-row', '1'] });
    } finally {
      other.close();
    }
    const setting = withFastRead(db().select({ value: settings.value }).from(settings).where(eq(settings.key, 'fast-read.first-row')).prepare());
    expect(await setting.get()).toEqual({ value: '1' });
  });

  it('answers a left join that matched nothing with null, as drizzle does', async () => {
    // Nobody has signed in to the fresh bureau: every user's session is missing.
    const rows = (await withFastRead(db().select({ user: users, session: sessions }).from(users).leftJoin(sessions, eq(sessions.userId, users.id)).prepare()).all()) as { user: { id: string }; session: unknown }[];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.session === null && typeof r.user.id === 'string')).toBe(true);
  });

  it('is what preparedQuery hands out, and leaves writes and a failing query as drizzle has them', async () => {
    const q = preparedQuery(db(), 'fast-read.test.documents', (d) => d.select({ id: documents.id }).from(documents).prepare());
    expect(Object.hasOwn(q, 'all')).toBe(true);
    const write = db().update(documents).set({ title: sql.placeholder('t') as never }).where(eq(documents.id, sql.placeholder('id'))).returning({ id: documents.id }).prepare();
    expect(withFastRead(write)).toBe(write);
    const failing = () => db().select({ n: sql<number>`no_such_function()` }).from(documents).prepare();
    const [ours, theirs] = await Promise.all([withFastRead(failing()).all().catch((e: unknown) => e), failing().all().catch((e: unknown) => e)]);
    expect(ours).toBeInstanceOf(DrizzleQueryError);
    expect((ours as Error).message).toBe((theirs as Error).message);
    expect(((ours as Error).cause as { code: string }).code).toBe('SQLITE_ERROR');
    expect(((ours as Error).cause as Error).message).toMatch(/no such function/);
  });
});
