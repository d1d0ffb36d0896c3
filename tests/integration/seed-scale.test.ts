import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { seedScale } from '../../server/seed/seed-scale';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import { listPublished } from '../../server/services/catalog-service';
import { searchPublic } from '../../server/services/search-service';
import { listMyTasks } from '../../server/services/inbox-service';
import { loadSessionUser } from '../../server/services/users';

/**
 * seed-scale's bulk loader writes on its own connection, drops the loaded tables' indexes and
 * builds them again: the database it leaves must be one the product accepts as its own.
 */
describe('seed-scale (bulk loader)', () => {
  let server: TestServer;
  let schemaBefore: string[];
  const query = async (sql: string) => (await server.services.database.client.execute(sql)).rows;

  beforeAll(async () => {
    server = await startTestServer();
    schemaBefore = (await query("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS s FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")).map((r) => String(r.s));
    await seedScale(server.services, { docs: 600, requests: 60 });
  }, 120_000);
  afterAll(() => server.close());

  // sqlite_stat* are the planner's statistics (PRAGMA optimize), not schema.
  it('leaves the schema exactly as the migrations made it (indexes, triggers, tables)', async () => {
    const after = (await query("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS s FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")).map((r) => String(r.s));
    expect(after).toEqual(schemaBefore);
    expect((await query('PRAGMA integrity_check')).map((r) => r[0])).toEqual(['ok']);
    expect((await query('PRAGMA foreign_key_check')).length).toBe(0);
  });

  it('writes a valid audit chain over documents and requests', async () => {
    const result = await verifyAuditChain(server.services);
    expect(result.broken).toBeNull();
    expect(result.rows).toBeGreaterThan(600 * 4);
    expect(Number((await query("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'request.%'"))[0]!.n)).toBeGreaterThan(60);
  });

  it('generates documents, tasks, clocks and requests the services read', async () => {
    const [counts] = await query(`SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM info_requests) AS requests,
      (SELECT count(*) FROM tasks WHERE status = 'open') AS open, (SELECT count(*) FROM document_clocks) AS clocks, (SELECT count(*) FROM search_queue) AS queued`);
    expect(Number(counts!.docs)).toBeGreaterThanOrEqual(600);
    expect(Number(counts!.requests)).toBeGreaterThanOrEqual(60);
    expect(Number(counts!.open)).toBeGreaterThan(0);
    expect(Number(counts!.clocks)).toBeGreaterThan(0);
    expect(Number(counts!.queued)).toBe(0);
    const [legal] = await query("SELECT id FROM users WHERE username = 'legal'");
    const user = await loadSessionUser(server.services.database.db, String(legal!.id));
    expect((await listMyTasks(server.services, user!)).length).toBeGreaterThan(0);
  });

  it('keeps the catalog counts equal to a full count, and the search index complete', async () => {
    const kept = await query('SELECT category_id, count FROM catalog_counts WHERE count > 0 ORDER BY category_id');
    const counted = await query("SELECT category_id, count(*) AS count FROM documents WHERE status = 'published' AND attribute IN ('open', 'partial') GROUP BY category_id ORDER BY category_id");
    expect(kept.map((r) => [r.category_id, Number(r.count)])).toEqual(counted.map((r) => [r.category_id, Number(r.count)]));
    const catalog = await listPublished(server.services, { categoryCode: null, page: 1 });
    expect(catalog.categories.reduce((s, c) => s + c.count, 0)).toBe(counted.reduce((s, r) => s + Number(r.count), 0));
    expect(catalog.items).toHaveLength(20);
    const [indexed] = await query('SELECT (SELECT count(*) FROM documents) - (SELECT count(*) FROM search_documents) AS missing');
    expect(Number(indexed!.missing)).toBe(0);
    expect((await searchPublic(server.services, '低保')).items.length).toBeGreaterThan(0);
  });

  it('moves the catalog counts with every change of public standing (withdraw, re-categorise, delete)', async () => {
    const countOf = async (categoryId: string) => Number((await query(`SELECT coalesce((SELECT count FROM catalog_counts WHERE category_id = '${categoryId}'), 0) AS n`))[0]!.n);
    const [doc] = await query("SELECT id, category_id FROM documents WHERE status = 'published' AND attribute = 'open' LIMIT 1");
    const [other] = await query(`SELECT id FROM categories WHERE id <> '${String(doc!.category_id)}' LIMIT 1`);
    const from = String(doc!.category_id), to = String(other!.id);
    const [a, b] = [await countOf(from), await countOf(to)];
    await query(`UPDATE documents SET category_id = '${to}', version = version + 1 WHERE id = '${String(doc!.id)}'`);
    expect([await countOf(from), await countOf(to)]).toEqual([a - 1, b + 1]);
    await query(`UPDATE documents SET status = 'withdrawn', version = version + 1 WHERE id = '${String(doc!.id)}'`);
    expect([await countOf(from), await countOf(to)]).toEqual([a - 1, b]);
    await query(`UPDATE documents SET status = 'published', version = version + 1 WHERE id = '${String(doc!.id)}'`);
    expect(await countOf(to)).toBe(b + 1);
    await query(`DELETE FROM search_documents WHERE document_id = '${String(doc!.id)}'`);
    await query('PRAGMA foreign_keys = OFF');
    await query(`DELETE FROM documents WHERE id = '${String(doc!.id)}'`);
    await query('PRAGMA foreign_keys = ON');
    expect(await countOf(to)).toBe(b);
  });
});
