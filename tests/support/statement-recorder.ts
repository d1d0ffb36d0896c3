import type { InStatement } from '@libsql/client';
import type { TestServer } from './test-server';

/** Every statement the server runs through its client's `execute` while `work` runs (query-plan tests read them). */
export async function statementsOf(server: TestServer, work: () => Promise<unknown>): Promise<{ sql: string; args: unknown }[]> {
  const client = server.services.database.client;
  const execute = client.execute.bind(client);
  const seen: { sql: string; args: unknown }[] = [];
  client.execute = (async (stmt: InStatement | string, args?: unknown) => {
    seen.push(typeof stmt === 'string' ? { sql: stmt, args: args ?? [] } : { sql: stmt.sql, args: stmt.args ?? [] });
    return execute(stmt as InStatement);
  }) as typeof client.execute;
  try {
    await work();
  } finally {
    client.execute = execute;
  }
  return seen;
}
