import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { verifyAuditChain } from '../../server/services/audit-verify-service';
import { commitChange } from '../../server/services/commit';
import { runCli, runTsScript } from '../support/run-cli';

let server: TestServer;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'legal', 'secrecy', 'leader', 'publisher']);
});
afterAll(() => server.close());

describe('the audit log is a hash chain', () => {
  it('verifies after seeding and a whole review, every event recorded', async () => {
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '审计链测试' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    await driveThroughReview(clients, created.id);
    const result = await verifyAuditChain(server.services);
    expect(result.broken).toBeNull();
    const actions = await server.services.database.client.execute({ sql: 'SELECT action FROM audit_log WHERE document_id = ? ORDER BY seq', args: [created.id] });
    expect(actions.rows.map((r) => r.action)).toEqual(['document.created', 'review.submit', 'review.approve', 'review.approve', 'review.approve', 'review.approve', 'review.publish']);
  });

  it('refuses UPDATE and DELETE on audit rows', async () => {
    const { client } = server.services.database;
    await expect(client.execute("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/SHENFA_AUDIT_APPEND_ONLY/);
    await expect(client.execute('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/SHENFA_AUDIT_APPEND_ONLY/);
  });

  it('keeps one unbroken chain when two processes append at the same time', async () => {
    const before = (await verifyAuditChain(server.services)).rows;
    const { databaseUrl } = server;
    const child = runTsScript('tests/support/append-audit-rows.ts', ['60', 'child'], { env: { DATABASE_URL: databaseUrl } });
    for (let i = 0; i < 60; i++) await commitChange(server.services, [], [{ at: Date.now(), actorId: null, action: 'test.append', detail: { writer: 'parent', i } }]);
    // The whole result, so a failing child shows its stderr in the diff.
    expect(await child).toMatchObject({ code: 0 });
    const after = await verifyAuditChain(server.services);
    expect(after.broken).toBeNull();
    expect(after.rows).toBe(before + 120);
  });

  it('names the first altered row: `audit verify` fails after tampering behind the triggers', async () => {
    const { databaseUrl } = server;
    const ok = await runCli(databaseUrl, ['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.output).toContain('哈希链校验通过');
    const { client } = server.services.database;
    // An attacker with file access can drop the trigger; the chain still tells.
    await client.execute('DROP TRIGGER audit_log_no_update');
    await client.execute("UPDATE audit_log SET detail = '{\"opinion\":\"篡改\"}' WHERE seq = 5");
    const tampered = await verifyAuditChain(server.services);
    expect(tampered.broken).toEqual({ seq: 5, reason: 'hash_mismatch' });
    const cli = await runCli(databaseUrl, ['audit', 'verify']);
    expect(cli.code).toBe(3);
    expect(cli.output).toContain('第 5 条');
  });
});
