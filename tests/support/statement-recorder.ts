import type { Client, InStatement } from '@libsql/client';
import { reportReads } from '../../server/db/report-reader';
import { LocalClient } from '../../server/db/local-client';
import type { TestServer } from './test-server';

/**
 * Every statement the server runs through its client while `work` runs (query-plan tests read
 * them): `execute`, the embedded driver's `readRows` that prepared selects read through
 * (server/db/fast-read.ts), and the report reader's queries (server/db/report-reader.ts).
 */
export async function statementsOf(server: TestServer, work: () => Promise<unknown>): Promise<{ sql: string; args: unknown }[]> {
  const seen: { sql: string; args: unknown }[] = [];
  const clients = new Set<Client>([server.services.database.client, reportReads(server.services.database).client]);
  const restore = [...clients].map((client) => {
    const execute = client.execute.bind(client);
    client.execute = (async (stmt: InStatement | string, args?: unknown) => {
      seen.push(typeof stmt === 'string' ? { sql: stmt, args: args ?? [] } : { sql: stmt.sql, args: stmt.args ?? [] });
      return execute(stmt as InStatement);
    }) as typeof client.execute;
    return () => (client.execute = execute);
  });
  // The medians a report asks for run their statement on the reader too, without `execute`.
  const reads = reportReads(server.services.database);
  const medians = reads.medians;
  reads.medians = (stmt) => {
    seen.push(typeof stmt === 'string' ? { sql: stmt, args: [] } : { sql: stmt.sql, args: stmt.args ?? [] });
    return medians(stmt);
  };
  const client = server.services.database.client;
  const local = client instanceof LocalClient ? client : null;
  const readRows = local?.readRows.bind(local);
  if (local && readRows) {
    local.readRows = (sql, args) => {
      seen.push({ sql, args });
      return readRows(sql, args);
    };
  }
  try {
    await work();
  } finally {
    for (const undo of restore) undo();
    reads.medians = medians;
    if (local && readRows) local.readRows = readRows;
  }
  return seen;
}
