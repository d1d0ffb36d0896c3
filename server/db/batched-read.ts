import DataLoader from 'dataloader';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { preparedQuery } from './prepared';

/**
 * The keys of a batched read, as one SQL list: `WHERE t.id IN ${keysList()}`. A prepared
 * statement cannot take a list of varying length, so the keys go as one JSON array.
 */
export function keysList(placeholder = 'keys'): SQL {
  return sql`(SELECT value FROM json_each(${sql.placeholder(placeholder)}))`;
}

/** A prepared select whose rows answer the keys of `keysList()`. */
interface KeyedQuery<R> {
  all(values: { keys: string }): Promise<R[]>;
}

/**
 * A read that every request of a kind makes with its own key (the session behind a cookie,
 * the document a reviewer acts on, its tasks), run as **one statement for all the keys asked
 * in the same turn of the event loop**. Under load the requests that arrive together (the
 * clients a group commit answered at once ask again at once) ask together, and one statement
 * with twenty keys costs about what three alone do: each statement pays SQLite's set-up and
 * the trip into the driver, with code and pages gone cold in the CPU's caches since the last
 * one (≈ 50 µs for the document's head under load, ≈ 12 µs in a loop; BENCHMARKS.md, "Reads
 * in batches"). Alone, a read waits one turn (`setImmediate`), a few microseconds.
 *
 * Built once per database and name, like `preparedQuery`. `load(key)` gives the key's rows (none
 * when there is no such row), in the query's order. DataLoader's own cache is off: every load
 * reads the database as it is then, so a read after a commit sees the commit. Two loads of one
 * key in the same turn get equal rows, not the same objects.
 *
 * @example
 * const tasksOf = batchedRead(db, 'tasks.byDocuments', (d) => d.select().from(tasks).where(inArray(tasks.documentId, keysList())).orderBy(tasks.seatId).prepare(), (t) => t.documentId);
 * const rows = await tasksOf.load(documentId);
 */
export function batchedRead<R>(db: Db, name: string, build: (db: Db) => KeyedQuery<R>, keyOf: (row: R) => string): DataLoader<string, R[]> {
  return preparedQuery(db, `batched:${name}`, (d) => {
    const query = preparedQuery(d, name, build);
    return new DataLoader<string, R[]>(
      async (keys) => {
        const rows = await query.all({ keys: JSON.stringify([...new Set(keys)]) });
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
  });
}
