import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { seedScale } from '../../server/seed/seed-scale';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import { listPublished } from '../../server/services/catalog-service';
import { refreshSearchIndex, searchPublic } from '../../server/services/search-service';
import { matchExpression } from '../../server/services/search-text';
import { databaseFile } from '../../server/seed/bulk-loader';
import { SEARCH_TABLES, sideSearchFile } from '../../server/seed/side-search-index';
import fs from 'node:fs';
import { listMyTasks } from '../../server/services/inbox-service';
import { loadSessionUser } from '../../server/services/users';
import { loadReportRecords } from '../../server/services/annual-report-records';
import { computeAnnualReport } from '../../server/report/compute-report';
import { REPORT_TEMPLATES } from '../../server/report/report-templates';
import { CLOCK_RUNNING_STATUSES } from '../../server/services/deadline-service';

/**
 * seed-scale's bulk loader writes on its own connection, drops the loaded tables' indexes and
 * builds them again: the database it leaves must be one the product accepts as its own.
 */
describe('seed-scale (bulk loader)', () => {
  let server: TestServer;
  let schemaBefore: string[];
  let searchConfigBefore: unknown[];
  const searchConfig = async () => [...(await query('SELECT k, v FROM search_staff_config ORDER BY k')), ...(await query('SELECT k, v FROM search_public_config ORDER BY k'))].map((r) => [r.k, r.v]);
  const query = async (sql: string) => (await server.services.database.client.execute(sql)).rows;

  beforeAll(async () => {
    server = await startTestServer();
    schemaBefore = (await query("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS s FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")).map((r) => String(r.s));
    searchConfigBefore = await searchConfig();
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

  it('builds the search indexes beside the database, then holds exactly what the search service itself would index', async () => {
    // The load settings (automerge, hashsize) stayed in the scratch file, which is gone.
    expect(await searchConfig()).toEqual(searchConfigBefore);
    for (const table of SEARCH_TABLES) expect(fs.existsSync(sideSearchFile(databaseFile(server.services.config.databaseUrl), table))).toBe(false);
    for (const table of ['search_staff', 'search_public']) await query(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
    const answers = async () => {
      const out: unknown[] = [];
      for (const table of ['search_staff', 'search_public']) {
        for (const word of ['低保', '临时救助', '柳溪村 资金', '工作日', '养老服务']) {
          const rows = await server.services.database.client.execute({ sql: `SELECT m.document_id AS id, round(s.rank, 9) AS rank FROM ${table} s JOIN search_documents m ON m.id = s.rowid WHERE ${table} MATCH ? ORDER BY s.rank, m.document_id`, args: [matchExpression(word)!] });
          out.push([table, word, rows.rows.map((r) => `${String(r.id)} ${Number(r.rank)}`)]);
        }
      }
      return out;
    };
    const seeded = await answers();
    expect((seeded as [string, string, string[]][]).every(([, , hits]) => hits.length > 0)).toBe(true);
    // The indexes emptied and every document indexed again by the search service: the same hits, ranked the same.
    for (const table of ['search_staff', 'search_public']) await query(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`);
    await query('INSERT OR IGNORE INTO search_queue (document_id) SELECT id FROM documents');
    await refreshSearchIndex(server.services);
    expect(await answers()).toEqual(seeded);
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

  it('marks exactly the clocks of documents not yet public nor ended as running (generated rows and the triggers agree)', async () => {
    const running = CLOCK_RUNNING_STATUSES.map((st) => `'${st}'`).join(', ');
    const [counts] = await query(`SELECT count(*) AS clocks, sum(k.running) AS running, sum(k.running <> (d.status IN (${running}))) AS wrong FROM document_clocks k JOIN documents d ON d.id = k.document_id`);
    expect(Number(counts!.running)).toBeGreaterThan(0);
    expect(Number(counts!.running)).toBeLessThan(Number(counts!.clocks));
    expect(Number(counts!.wrong)).toBe(0);
  });

  it("copies each document's 科室 onto its tasks and clock as the triggers would (the deadline board's section lists read them)", async () => {
    const [tasks] = await query('SELECT count(*) AS n, sum(t.department_id IS NOT d.department_id) AS wrong FROM tasks t JOIN documents d ON d.id = t.document_id');
    const [clocks] = await query('SELECT count(*) AS n, sum(k.department_id IS NOT d.department_id) AS wrong FROM document_clocks k JOIN documents d ON d.id = k.document_id');
    expect(Number(tasks!.n)).toBeGreaterThan(0);
    expect(Number(clocks!.n)).toBeGreaterThan(0);
    expect([Number(tasks!.wrong), Number(clocks!.wrong)]).toEqual([0, 0]);
  });

  it("spreads the documents over the bureau's drafters and their 科室, each copy naming its own drafter throughout", async () => {
    const generated = "SELECT id FROM documents WHERE id LIKE '________-____-7%'";
    const byDepartment = await query(`SELECT department_id, count(*) AS n FROM documents WHERE id IN (${generated}) GROUP BY department_id`);
    const drafters = await query("SELECT u.id, u.department_id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'drafter'");
    expect(drafters.length).toBeGreaterThan(1);
    // Every drafter's 科室 holds a fair share of the 600 (an even draw gives each ≈ 300).
    expect(byDepartment.length).toBe(new Set(drafters.map((d) => d.department_id)).size);
    for (const row of byDepartment) expect(Number(row.n)).toBeGreaterThan(200);
    const [mismatch] = await query(`SELECT
      (SELECT count(*) FROM documents d JOIN users u ON u.id = d.drafter_id WHERE d.id IN (${generated}) AND u.department_id IS NOT d.department_id) AS department,
      (SELECT count(*) FROM documents d WHERE d.id IN (${generated}) AND json_extract(d.snapshot, '$.context.drafterId') IS NOT d.drafter_id) AS snapshot,
      (SELECT count(*) FROM audit_log a JOIN documents d ON d.id = a.document_id JOIN user_roles r ON r.user_id = a.actor_id AND r.role = 'drafter'
        WHERE d.id IN (${generated}) AND a.actor_id IS NOT d.drafter_id) AS audit,
      (SELECT count(*) FROM review_records rr JOIN documents d ON d.id = rr.document_id JOIN user_roles r ON r.user_id = rr.user_id AND r.role = 'drafter'
        WHERE d.id IN (${generated}) AND rr.user_id IS NOT d.drafter_id) AS records`);
    expect(mismatch).toMatchObject({ department: 0, snapshot: 0, audit: 0, records: 0 });
    // The drafter acted on them (submitted): the audit names it.
    const [acted] = await query(`SELECT count(DISTINCT a.actor_id) AS n FROM audit_log a JOIN documents d ON d.id = a.document_id WHERE d.id IN (${generated}) AND a.actor_id = d.drafter_id`);
    expect(Number(acted!.n)).toBe(drafters.length);
  });

  it("names each copy's own category in its workflow's saved state (the guards read it)", async () => {
    const generated = "SELECT id FROM documents WHERE id LIKE '________-____-7%'";
    const [counts] = await query(`SELECT count(*) AS saved, count(DISTINCT d.category_id) AS categories,
      sum(json_extract(d.snapshot, '$.context.categoryCode') IS NOT c.code) AS wrong
      FROM documents d JOIN categories c ON c.id = d.category_id WHERE d.id IN (${generated}) AND d.snapshot IS NOT NULL`);
    expect(Number(counts!.saved)).toBeGreaterThan(300);
    expect(Number(counts!.categories)).toBeGreaterThan(3);
    expect(Number(counts!.wrong)).toBe(0);
  });

  it('gives generated rows time-ordered ids (appended to their primary-key index in time order)', async () => {
    const generated = await query("SELECT id, created_at FROM documents WHERE id LIKE '________-____-7%' ORDER BY created_at");
    expect(generated.length).toBeGreaterThanOrEqual(600);
    expect(generated.map((r) => String(r.id))).toEqual(generated.map((r) => String(r.id)).sort());
  });

  it('gives each document a pace of its own (not the template clock\'s 3 hours a step), keeping every time in order', async () => {
    const generated = "SELECT id FROM documents WHERE id LIKE '________-____-7%'";
    const [durations] = await query(`SELECT count(*) AS n, count(DISTINCT completed_at - created_at) AS distinct_n, min(completed_at - created_at) AS shortest, max(completed_at - created_at) AS longest FROM tasks WHERE step = 'legality_review' AND completed_at IS NOT NULL AND document_id IN (${generated})`);
    expect(Number(durations!.n)).toBeGreaterThan(300);
    expect(Number(durations!.distinct_n)).toBeGreaterThan(Number(durations!.n) * 0.9);
    expect(Number(durations!.longest)).toBeGreaterThan(Number(durations!.shortest) * 4);
    const [disorder] = await query(`SELECT
      (SELECT count(*) FROM tasks WHERE document_id IN (${generated}) AND completed_at < created_at) +
      (SELECT count(*) FROM documents WHERE id IN (${generated}) AND (updated_at < created_at OR published_at < created_at)) +
      (SELECT count(*) FROM review_records r JOIN documents d ON d.id = r.document_id WHERE d.id IN (${generated}) AND (r.created_at < d.created_at OR r.created_at > d.updated_at)) AS n`);
    expect(Number(disorder!.n)).toBe(0);
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

  it("counts the annual report's catalog cells in bulk exactly as listing every item does", async () => {
    const entered = { feeAmountYuan: 0, procurementAmountYuan: 0 };
    const db = server.services.database.db;
    // Validity changes take their items out of the bulk counts: give one item an approved repeal.
    const [item] = await query("SELECT d.id FROM documents d JOIN categories c ON c.id = d.category_id WHERE c.report_cell IS NOT NULL AND d.published_at IS NOT NULL LIMIT 1");
    const [admin] = await query("SELECT id FROM users WHERE username = 'admin'");
    const decided = Date.parse('2025-06-01T10:00:00+08:00');
    await query(`INSERT INTO validity_changes (id, document_id, proposed_validity, reason, proposer_id, state, decider_id, created_at, decided_at) VALUES ('vc-seed-test', '${String(item!.id)}', 'repealed', '废止', '${String(admin!.id)}', 'approved', '${String(admin!.id)}', ${decided}, ${decided})`);
    for (const year of [2025, 2026]) {
      const bulk = await loadReportRecords(db, year, entered);
      const listed = await loadReportRecords(db, year, entered, { listEveryItem: true });
      expect(bulk.catalogItems.length).toBeLessThan(listed.catalogItems.length);
      const values = (records: typeof bulk) => Object.fromEntries(Object.entries(computeAnnualReport(REPORT_TEMPLATES['2021'], year, records).article20).map(([cell, row]) => [cell, Object.fromEntries(Object.entries(row!).map(([m, c]) => [m, c.value]))]));
      expect(values(bulk)).toEqual(values(listed));
      expect(Object.values(values(listed)).some((row) => Object.values(row).some((v) => v > 0))).toBe(true);
    }
  });
});
