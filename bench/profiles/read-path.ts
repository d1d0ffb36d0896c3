// CPU per call of the review path's two reads (a document with its category code, a document's
// tasks) through drizzle's own prepared query and through the fast read (server/db/fast-read.ts),
// with SQLite alone (the same SQL on a plain libsql statement, rows as arrays) as the floor:
// npx tsx bench/profiles/read-path.ts
import { asc, eq, sql } from 'drizzle-orm';
import Database from 'libsql';
import { withFastRead } from '../../server/db/fast-read';
import { categories, documents, tasks } from '../../server/db/schema/index';
import { freshFixture, submittedDocuments } from '../lib/fixture';

const f = await freshFixture();
const docs = await submittedDocuments(f, 50);
const { db } = f.services.database;
const cpu = async (label: string, fn: (id: string) => unknown) => {
  const N = 20_000;
  for (let i = 0; i < N / 10; i++) await fn(docs[i % docs.length]!);
  const t = process.cpuUsage();
  for (let i = 0; i < N; i++) await fn(docs[i % docs.length]!);
  const u = process.cpuUsage(t);
  console.log(`${label.padEnd(34)} ${((u.user + u.system) / N).toFixed(1).padStart(6)} µs CPU per call`);
};
const docQuery = () => db.select({ doc: documents, categoryCode: categories.code }).from(documents).leftJoin(categories, eq(categories.id, documents.categoryId)).where(eq(documents.id, sql.placeholder('id'))).prepare();
const taskQuery = () => db.select().from(tasks).where(eq(tasks.documentId, sql.placeholder('id'))).orderBy(asc(tasks.seatId)).prepare();
const raw = new Database(f.dbFile);
for (const [name, build] of [['document + category', docQuery], ['tasks of a document', taskQuery]] as const) {
  const drizzle = build();
  const fast = withFastRead(build());
  const statement = raw.prepare(drizzle.getQuery().sql).raw(true);
  await cpu(`${name}: drizzle`, (id) => drizzle.all({ id }));
  await cpu(`${name}: fast read`, (id) => fast.all({ id }));
  await cpu(`${name}: SQLite alone`, (id) => statement.all(id));
}
raw.close();
f.close();
