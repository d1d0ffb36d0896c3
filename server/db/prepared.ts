import { is, Param, Placeholder, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './client';
import { withFastRead } from './fast-read';

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
    query = withFastRead(build(db));
    queries.set(name, query);
  }
  return query;
}

/** What drizzle's batch (and group commit) read from a query: its SQL and parameters, and how to shape its result. */
interface BuiltWrite {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(result: unknown, isFromBatch?: boolean): unknown;
}

/**
 * A write built once with placeholders, for the statements every review step issues (close a
 * task, open the next, record the decision, chain the audit row). Each call returns an item for
 * `db.batch()` or `commitChange` with the SQL text as built the first time and the values
 * encoded by their columns, as drizzle's builder encodes them (a JSON column's value
 * stringified, null left null); it skips drizzle's query building, about a sixth of a
 * transition's CPU.
 *
 * @example
 * const closeTask = preparedWrite<{ status: string; id: string }>(db, 'tasks.close', (d) =>
 *   d.update(tasks).set({ status: placeholder('status') }).where(eq(tasks.id, sql.placeholder('id'))));
 * statements.push(closeTask({ status: 'done', id }));
 */
export function preparedWrite<Values extends object>(db: Db, name: string, build: (db: Db) => BatchItem<'sqlite'>): (values: Values) => BatchItem<'sqlite'> {
  // `_prepare()` is what drizzle's own batch calls on each item.
  const prepared = preparedQuery(db, name, (d) => (build(d) as unknown as { _prepare(): BuiltWrite })._prepare());
  // Worked out once per prepared write: its text (a raw `sql` statement's prepared form builds
  // it again at every getQuery()) and how each parameter gets its value.
  let plan = writePlans.get(prepared);
  if (!plan) {
    const { sql: text, params } = prepared.getQuery();
    writePlans.set(prepared, (plan = { text, slots: params.map(slotOf) }));
  }
  const { text, slots } = plan;
  return (values) => {
    const query = { sql: text, params: slots.map((slot) => slot(values as Record<string, unknown>)) };
    const built: BuiltWrite = { getQuery: () => query, mapResult: (result, isFromBatch) => prepared.mapResult(result, isFromBatch) };
    return { _prepare: () => built } as unknown as BatchItem<'sqlite'>;
  };
}

type Slot = (values: Record<string, unknown>) => unknown;
const writePlans = new WeakMap<BuiltWrite, { text: string; slots: Slot[] }>();

/** A parameter as built: a value of its own, or a placeholder filled from the call's values (encoded by its column, if it has one). */
function slotOf(param: unknown): Slot {
  const named = is(param, Placeholder) ? { placeholder: param, encode: (v: unknown) => v } : is(param, Param) && is(param.value, Placeholder) ? { placeholder: param.value, encode: (v: unknown) => param.encoder.mapToDriverValue(v) } : null;
  if (!named) return () => param;
  const { name } = named.placeholder;
  return (values) => {
    const value = values[name];
    // A builder leaves an undefined value out (the column's default); a prepared statement cannot, so it must be given.
    if (value === undefined) throw new Error(`No value for placeholder "${name}"`);
    return value === null ? null : named.encode(value);
  };
}

/**
 * A placeholder where drizzle's types want a column value (`set()`, `values()`): drizzle wraps
 * it with the column's encoder, and `preparedWrite` encodes the value given at run time with it.
 */
export function placeholder(name: string): never {
  return sql.placeholder(name) as never;
}

/**
 * A constant written into the SQL text instead of bound as a parameter, for a column that a
 * partial index restricts by a literal (`tasks.status = 'open'`, `document_clocks.running = 1`).
 * When the planner compares a bound parameter with a partial index's literal, SQLite marks the
 * statement to be compiled again whenever that parameter is bound, that is on every call:
 * `eq(tasks.status, 'open')` cost a document's open-task read 48 µs against 18 µs with the
 * literal (the same plan, without the recompile).
 */
export function literal(value: string | number): SQL {
  if (typeof value === 'number' ? !Number.isInteger(value) : !/^[a-z_]+$/.test(value)) throw new Error(`not a plain SQL constant: ${value}`);
  return sql.raw(typeof value === 'number' ? String(value) : `'${value}'`);
}
