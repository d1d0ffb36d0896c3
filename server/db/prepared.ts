import type { Db } from './client';

/**
 * Queries built once per database and run many times with placeholders
 * (`sql.placeholder('id')`). Building a drizzle query walks its whole expression tree each
 * time (`is()` checks, name escaping, SQL joining): on the review hot path that was a fifth of
 * a transition's CPU, for the same three or four SQL texts. A prepared query keeps the text,
 * and the embedded driver (local-client.ts) keeps the SQLite statement for that text.
 *
 * Keyed by the `Db` object, so a test's or a host's second database gets its own.
 */
const byDatabase = new WeakMap<Db, Map<string, unknown>>();

/**
 * @example
 * const q = preparedQuery(db, 'tasks.byDocument', (d) => d.select().from(tasks).where(eq(tasks.documentId, sql.placeholder('id'))).prepare());
 * const rows = await q.all({ id });
 */
export function preparedQuery<T>(db: Db, name: string, build: (db: Db) => T): T {
  let queries = byDatabase.get(db);
  if (!queries) {
    queries = new Map();
    byDatabase.set(db, queries);
  }
  let query = queries.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(name, query);
  }
  return query;
}
