import { createClient } from '@libsql/client';
import type { TestServer } from './test-server';

/**
 * The query plan of each select among `statements` (from statement-recorder.ts), one entry per
 * plan line, for tests that check a page reads its indexes rather than scanning a large table.
 * Explained on a connection of its own, so the plans never touch the server's connection (an
 * EXPLAIN once left it on an old snapshot; the driver now resets it: tests/integration/local-client.test.ts).
 */
export async function planLines(server: TestServer, statements: readonly { sql: string; args: unknown }[]): Promise<{ detail: string; sql: string }[]> {
  const lines: { detail: string; sql: string }[] = [];
  const explainer = createClient({ url: server.databaseUrl });
  try {
    for (const { sql, args } of statements) {
      if (!/^\s*(select|with)\b/i.test(sql)) continue;
      const plan = await explainer.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: args as never });
      for (const row of plan.rows) lines.push({ detail: String(row.detail), sql });
    }
  } finally {
    explainer.close();
  }
  return lines;
}
