/** 审计日志 over a real server: every change of a review is listed, filters narrow it, pages split it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure } from '../support/api-client';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { auditLog } from '../../server/db/schema/index';
import { AUDIT_COUNT_CAP, AUDIT_PAGE_SIZE } from '../../server/services/audit-log-service';

let server: TestServer;
let clients: Clients;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['admin', 'drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '审计日志查询测试通知' }));
  documentId = created.id;
  await clients.drafter!.trpc.review.submit.mutate({ documentId, expectedVersion: created.version });
  await driveThroughReview(clients, documentId);
}, 60_000);
afterAll(() => server.close());

describe('audit log', () => {
  it('lists the whole review of a document, newest first, found by its title', async () => {
    const page = await clients.admin!.trpc.audit.list.query({ q: '审计日志查询测试', page: 1 });
    const actions = page.items.map((i) => i.action);
    expect(actions[0]).toBe('review.publish');
    expect(actions.at(-1)).toBe('document.created');
    expect(actions).toContain('review.submit');
    expect(actions.filter((a) => a === 'review.approve').length).toBeGreaterThanOrEqual(3);
    expect(page.items.every((i) => i.documentId === documentId)).toBe(true);
    expect(page.items.find((i) => i.action === 'review.submit')!.actorName).toBe('李静');
    // States are step ids of the pinned workflow; the page gets the steps' names in both languages.
    const submitted = page.items.find((i) => i.action === 'review.submit')!;
    expect(submitted.fromState).toBe('draft');
    expect(submitted.fromLabel).toEqual({ zh: '起草', en: 'Draft' });
    expect(page.items[0]!.toLabel).toEqual({ zh: '已发布', en: 'Published' });
  });

  it('filters by action prefix, actor and day, and pages through everything', async () => {
    const reviews = await clients.admin!.trpc.audit.list.query({ action: 'review.', page: 1 });
    expect(reviews.items.length).toBeGreaterThan(0);
    expect(reviews.items.every((i) => i.action.startsWith('review.'))).toBe(true);
    const actorId = (await server.services.database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, 'legal') }))!.id;
    const byLegal = await clients.admin!.trpc.audit.list.query({ actorId, page: 1 });
    expect(byLegal.items.length).toBeGreaterThan(0);
    expect(byLegal.items.every((i) => i.actorName === '孙立华')).toBe(true);
    const nothing = await clients.admin!.trpc.audit.list.query({ from: '2001-01-01', to: '2001-12-31', page: 1 });
    expect(nothing.total).toBe(0);
    const [all] = await server.services.database.db.select({ n: count() }).from(auditLog);
    const first = await clients.admin!.trpc.audit.list.query({ page: 1 });
    expect(first.total).toBe(all!.n);
    expect(first.pageCount).toBe(Math.ceil(all!.n / AUDIT_PAGE_SIZE));
    const last = await clients.admin!.trpc.audit.list.query({ page: first.pageCount });
    expect(last.items.length).toBe(all!.n - (first.pageCount - 1) * AUDIT_PAGE_SIZE);
    expect(new Set([...first.items, ...last.items].map((i) => i.seq)).size).toBe(first.items.length + last.items.length);
  });

  it('shows one document’s whole trail, with its title, whatever other document the log holds', async () => {
    const other = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '另一份不相干的通知' }));
    const trail = await clients.admin!.trpc.audit.list.query({ documentId, page: 1 });
    expect(trail.document).toEqual({ id: documentId, title: '审计日志查询测试通知' });
    expect(trail.items.length).toBeGreaterThan(5);
    expect(trail.items.every((i) => i.documentId === documentId)).toBe(true);
    const [rows] = await server.services.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.documentId, documentId));
    expect(trail.total).toBe(rows!.n);
    // Combined with another filter; and the other document's trail is its own.
    const approvals = await clients.admin!.trpc.audit.list.query({ documentId, action: 'review.approve', page: 1 });
    expect(approvals.items.length).toBeGreaterThanOrEqual(3);
    expect(approvals.items.every((i) => i.action === 'review.approve' && i.documentId === documentId)).toBe(true);
    const otherTrail = await clients.admin!.trpc.audit.list.query({ documentId: other.id, page: 1 });
    expect(otherTrail.items.map((i) => i.action)).toEqual(['document.created']);
    expect((await clients.admin!.trpc.audit.list.query({ documentId: 'no-such-document', page: 1 })).document).toBeNull();
  });

  it('finds rows by the action’s name, in either language', async () => {
    const returned = await clients.admin!.trpc.audit.list.query({ q: '提交审查', page: 1 });
    expect(returned.items.length).toBeGreaterThan(0);
    expect(returned.items.every((i) => i.action === 'review.submit')).toBe(true);
    const english = await clients.admin!.trpc.audit.list.query({ q: 'submitted for review', page: 1 });
    expect(english.total).toBe(returned.total);
  });

  it('is for admins only, and refuses a reversed range', async () => {
    expect((await failure(clients.publisher!.trpc.audit.list.query({ page: 1 }))).code).toBe('FORBIDDEN');
    expect((await failure(clients.admin!.trpc.audit.list.query({ from: '2026-12-31', to: '2026-01-01', page: 1 }))).message).toBe('开始日期不能晚于结束日期');
  });

  // Last: it adds rows to the log. A bureau's log reaches millions of rows; the page must not
  // read all of them to count them or to list the actions present.
  it('counts a large log up to a cap and lists the actions present from the index', async () => {
    const { client } = server.services.database;
    const distinct = async () => (await client.execute('SELECT DISTINCT action FROM audit_log ORDER BY action')).rows.map((r) => String(r.action));
    const before = await clients.admin!.trpc.audit.list.query({ page: 1 });
    expect(before.totalCapped).toBe(false);
    expect(before.actions).toEqual(await distinct());
    // Rows with made-up hashes are fine here (this server's log is not verified afterwards), but
    // each must name the one before it: the chain trigger refuses anything else.
    await client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO audit_log (at, actor_id, document_id, action, detail, prev_hash, hash)
            SELECT 0, NULL, NULL, 'user.created', NULL, CASE i WHEN 1 THEN (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) ELSE 'bulk-' || (i - 1) END, 'bulk-' || i FROM n`,
      args: [AUDIT_COUNT_CAP + 5],
    });
    const capped = await clients.admin!.trpc.audit.list.query({ page: 1 });
    expect(capped).toMatchObject({ total: AUDIT_COUNT_CAP, totalCapped: true, pageCount: AUDIT_COUNT_CAP / AUDIT_PAGE_SIZE });
    const filtered = await clients.admin!.trpc.audit.list.query({ action: 'review.approve', page: 1 });
    expect(filtered.totalCapped).toBe(false);
    expect(filtered.items.every((i) => i.action === 'review.approve')).toBe(true);
    expect(capped.actions).toEqual(await distinct());
    // The plans: the page's filters and the actions list walk indexes, never the whole log.
    for (const sql of ['SELECT seq FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 50', 'SELECT seq FROM audit_log WHERE actor_id = ? ORDER BY seq DESC LIMIT 50', 'SELECT seq FROM audit_log WHERE document_id = ? ORDER BY seq DESC LIMIT 50', 'SELECT min(action) FROM audit_log WHERE action > ?']) {
      const plan = (await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: ['x'] })).rows.map((r) => String(r.detail));
      expect(plan.join(' | '), sql).not.toMatch(/\bSCAN audit_log\b/);
    }
  });
});
