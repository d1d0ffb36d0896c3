/**
 * Records the SQL of every drizzle query built (not run from its prepared form) while on:
 * a test that a hot path runs prepared statements only (server/db/prepared.ts) turns it on
 * around the second run of that path. It patches drizzle's builders in this process, so the
 * server under test must run in the test's process (startTestServer).
 */
import { SQLiteDeleteBase, SQLiteInsertBase, SQLiteSelectBase, SQLiteUpdateBase } from 'drizzle-orm/sqlite-core';

export function builtQueries() {
  const built: string[] = [];
  let counting = false;
  const restores: (() => void)[] = [];
  for (const builder of [SQLiteSelectBase, SQLiteInsertBase, SQLiteUpdateBase, SQLiteDeleteBase]) {
    const proto = builder.prototype as unknown as { _prepare(...args: unknown[]): unknown; toSQL(): { sql: string } };
    const original = proto._prepare;
    proto._prepare = function (this: typeof proto, ...args: unknown[]) {
      if (counting) built.push(this.toSQL().sql);
      return original.apply(this, args);
    };
    restores.push(() => (proto._prepare = original));
  }
  return {
    /** The SQL built while `during` ran. */
    async during(work: () => Promise<unknown>): Promise<string[]> {
      built.length = 0;
      counting = true;
      try {
        await work();
      } finally {
        counting = false;
      }
      return [...built];
    },
    restore: () => restores.forEach((restore) => restore()),
  };
}
