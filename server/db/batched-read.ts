import DataLoader from 'dataloader';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';
import { preparedQuery } from './prepared';

/**
 * The keys of a read of several at once, as one SQL list: `WHERE t.id IN ${keysList()}`, the
 * keys given as `{ keys: JSON.stringify(ids) }`. A prepared statement cannot take a list of
 * varying length, so the keys go as one JSON array.
 */
export function keysList(): SQL {
  return sql`(SELECT value FROM json_each(${sql.placeholder('keys')}))`;
}

/** The condition on the key column: one key (`= :key`) or the batch's keys (`IN keysList()`). */
export type KeyCondition = (column: SQLiteColumn) => SQL;

const oneKey: KeyCondition = (column) => eq(column, sql.placeholder('key'));
const batchKeys: KeyCondition = (column) => inArray(column, keysList());

/** A prepared select over a key condition. */
interface KeyedQuery<R> {
  all(values: { key: string } | { keys: string }): Promise<R[]>;
}

export interface BatchedRead<R> {
  /** The rows of `key` (none when there is no such row), in the query's order. */
  load(key: string): Promise<R[]>;
}

let requestsInProgress = 0;
/** When the last two requests began (performance.now(), ms). */
let lastStart = -Infinity;
let previousStart = -Infinity;
/** Requests that begin closer together than this come more than a thousand a second. */
const BUSY_GAP_MS = 1;

/**
 * Counts a request as in progress until the returned function is called (the HTTP layer's
 * `countRequestsInProgress` does it for every request). Reads wait to be batched only while
 * the server is busy (`serverIsBusy`).
 */
export function requestInProgress(): () => void {
  requestsInProgress++;
  previousStart = lastStart;
  lastStart = performance.now();
  let ended = false;
  return () => {
    if (!ended) (ended = true), requestsInProgress--;
  };
}

/**
 * Busy: another request is in progress (one waiting for its commit, say), or the last two
 * began within a millisecond. Reads that answer in the same turn never overlap, so under a load
 * of quick reads only their pace says that the next ones are already arriving.
 */
function serverIsBusy(): boolean {
  return requestsInProgress > 1 || lastStart - previousStart < BUSY_GAP_MS;
}

/**
 * A read that every request of a kind makes with its own key (the session behind a cookie,
 * the document a reviewer acts on, its tasks), run as **one statement for all the keys asked
 * in the same turn of the event loop** while the server is busy. Under load the
 * requests that arrive together (the clients a group commit answered at once ask again at
 * once) ask together, and one statement with twenty keys costs about what three alone do: each
 * statement pays SQLite's set-up and the trip into the driver, with code and pages gone cold
 * in the CPU's caches since the last one (BENCHMARKS.md, "Reads in batches"). A request alone,
 * or a service called outside HTTP, reads its key at once with the one-key statement: waiting
 * for the turn and the list would only cost it (≈ 60 µs a review step, measured).
 *
 * `build` makes the query from the condition on its key column (`key(tasks.documentId)`); it is
 * prepared twice, for one key and for a list. Built once per database and name, like
 * `preparedQuery`. DataLoader's own cache is off: every load reads the database as it is then,
 * so a read after a commit sees the commit. Two loads of one key in the same turn get equal
 * rows, not the same objects.
 *
 * @example
 * const tasksOf = batchedRead(db, 'tasks.byDocument', (d, key) => d.select().from(tasks).where(key(tasks.documentId)).orderBy(tasks.documentId, tasks.seatId).prepare(), (t) => t.documentId);
 * const rows = await tasksOf.load(documentId);
 */
export function batchedRead<R>(db: Db, name: string, build: (db: Db, key: KeyCondition) => KeyedQuery<R>, keyOf: (row: R) => string): BatchedRead<R> {
  return preparedQuery(db, `batched:${name}`, (d) => {
    const one = preparedQuery(d, `${name}:one`, (dd) => build(dd, oneKey));
    const many = preparedQuery(d, `${name}:many`, (dd) => build(dd, batchKeys));
    const batches = new DataLoader<string, R[]>(
      async (keys) => {
        const rows = await many.all({ keys: JSON.stringify([...new Set(keys)]) });
        const byKey = new Map<string, R[]>();
        for (const row of rows) {
          const key = keyOf(row);
          const list = byKey.get(key);
          if (list) list.push(row);
          else byKey.set(key, [row]);
        }
        const given = new Set<string>();
        return keys.map((key) => {
          const found = byKey.get(key) ?? [];
          if (!given.has(key)) return given.add(key), found;
          // The same key twice in one turn (a client's two requests at once): its own copy.
          return structuredClone(found);
        });
      },
      { cache: false, batchScheduleFn: (run) => setImmediate(run) },
    );
    return { load: (key: string) => (serverIsBusy() ? batches.load(key) : one.all({ key })) };
  });
}
