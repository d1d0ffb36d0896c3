/**
 * Opening a document never reads the whole documents table. The soak found the view's
 * "interpretations of this policy" lookup scanning every document (42 ms per view at 13,700
 * documents, and the same query runs at every publication); the partial index
 * documents_policy_document answers it. This test records every statement a document view
 * runs, for a policy and for its interpretation, and checks SQLite's plan for each: no full
 * scan of `documents`. (Plans, not timings: they do not depend on the machine.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { statementsOf as recordStatements } from '../support/statement-recorder';
import { signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';

let server: TestServer;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter']);
});
afterAll(() => server?.close());

/** Every statement the server runs while `work` runs. */
const statementsOf = (work: () => Promise<unknown>) => recordStatements(server, work);

async function fullScansOfDocuments(statements: { sql: string; args: unknown }[]): Promise<string[]> {
  const scans: string[] = [];
  for (const { sql, args } of statements) {
    if (!/^\s*select/i.test(sql)) continue;
    const plan = await server.services.database.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: args as never });
    for (const row of plan.rows) if (/^SCAN documents\b/.test(String(row.detail))) scans.push(`${String(row.detail)} ← ${sql}`);
  }
  return scans;
}

describe('document view query plans', () => {
  it('a policy and its interpretation open without scanning the documents table', async () => {
    const notice = await categoryId(clients.drafter!, 'notice');
    const policy = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '关于调整最低生活保障标准的通知' }));
    const interpretation = await clients.drafter!.trpc.documents.create.mutate(draftInput(notice, { title: '《关于调整最低生活保障标准的通知》政策解读', policyDocumentId: policy.id }));
    const statements = await statementsOf(async () => {
      const view = await clients.drafter!.trpc.documents.get.query({ id: policy.id });
      expect(JSON.stringify(view)).toContain(interpretation.id);
      await clients.drafter!.trpc.documents.get.query({ id: interpretation.id });
    });
    expect(statements.some((s) => s.sql.includes('"policy_document_id" = ?'))).toBe(true);
    expect(await fullScansOfDocuments(statements)).toEqual([]);
  });
});

describe('public catalog statements', () => {
  it('the catalog page and the JSON API take their totals from the kept counts, never counting the public documents', async () => {
    // The soak found /public/api/documents counting every public document per call: 14 ms at
    // 133k published and growing with the catalog. The totals come from catalog_counts.
    const statements = await statementsOf(async () => {
      for (const path of ['/public', '/public?category=notice', '/public/api/documents', '/public/api/documents?category=notice']) expect((await fetch(`${server.url}${path}`)).status).toBe(200);
    });
    expect(statements.some((s) => /catalog_counts/.test(s.sql))).toBe(true);
    expect(statements.filter((s) => /count\(/i.test(s.sql) && /from "documents"/i.test(s.sql)).map((s) => s.sql)).toEqual([]);
    expect(await fullScansOfDocuments(statements)).toEqual([]);
  });
});
