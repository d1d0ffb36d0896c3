import type { InStatement } from '@libsql/client';
import type { LocalClient } from '../../server/db/local-client';

/**
 * Calls `seen` with every statement the embedded driver's connection runs (group commit's
 * and fast reads' included, which the client's own execute/batch never see) and its time in µs. The
 * connection class is private to the driver, so its prototype is patched; returns the undo.
 */
export function probeStatements(client: LocalClient, seen: (sql: string, micros: number) => void): () => void {
  const prototype = Object.getPrototypeOf((client as unknown as { connection: object }).connection) as {
    execute(stmt: InStatement | string): unknown;
    readRows(sql: string, args: unknown): unknown;
  };
  const { execute, readRows } = prototype;
  prototype.execute = function (this: unknown, stmt: InStatement | string) {
    const t = process.hrtime.bigint();
    try {
      return execute.call(this, stmt);
    } finally {
      seen(typeof stmt === 'string' ? stmt : stmt.sql, Number(process.hrtime.bigint() - t) / 1000);
    }
  };
  // Prepared selects read through readRows (server/db/fast-read.ts), not execute.
  prototype.readRows = function (this: unknown, sql: string, args: unknown) {
    const t = process.hrtime.bigint();
    try {
      return readRows.call(this, sql, args);
    } finally {
      seen(sql, Number(process.hrtime.bigint() - t) / 1000);
    }
  };
  return () => {
    prototype.execute = execute;
    prototype.readRows = readRows;
  };
}
