/**
 * The request flow as a versioned definition: shipped as info-request v1, validated and
 * refused by the server like release review, published as v2 while requests in flight stay
 * on v1; and the registry's guard names for the editor.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, infoRequests, workflowDefinitions } from '../../server/db/schema/index';
import { workflowCommand } from '../../server/cli/workflow-command';
import { cstDate } from '../../server/time';
import { requestFlowDefinition } from '../../workflows/requests/request-flow.definition';
import { withLeaderSignoff, withStep } from '../../workflows/requests/request-flow-samples';
import { failure, signedIn, type ApiClient } from '../support/api-client';
import { applicationFields } from '../support/apply-form';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let admin: ApiClient;
let office: ApiClient;
let head: ApiClient;
const today = () => cstDate(Date.now());
const db = () => server.services.database.db;
const stored = async () => db().select().from(workflowDefinitions).where(eq(workflowDefinitions.key, 'info-request'));
const pinned = async (id: string) => (await db().select({ v: infoRequests.workflowVersion, k: infoRequests.workflowKey }).from(infoRequests).where(eq(infoRequests.id, id)))[0];

beforeAll(async () => {
  server = await startTestServer();
  [admin, office, head] = await Promise.all([signedIn(server.url, 'admin'), signedIn(server.url, 'publisher'), signedIn(server.url, 'leader')]);
});
afterAll(() => server.close());

async function register() {
  return office.trpc.requests.register.mutate({ form: applicationFields(), channel: 'letter', receivedAt: today() });
}

/** Accepts and drafts a reply, then has it reviewed by the admin (not its drafter). */
async function toReviewed(id: string): Promise<number> {
  let version = (await office.trpc.requests.act.mutate({ action: 'accept', requestId: id, expectedVersion: 1, date: today(), note: '' })).version;
  version = (await office.trpc.requests.draftReply.mutate({ requestId: id, expectedVersion: version, date: today(), result: 'disclose', subReason: null })).version;
  return (await admin.trpc.requests.reviewReply.mutate({ requestId: id, expectedVersion: version, date: today() })).version;
}

describe('the request flow as a versioned definition', () => {
  it('ships info-request version 1 and lists it with the requests in flight on it', async () => {
    const list = await admin.trpc.workflows.list.query();
    const entry = list.find((w) => w.key === 'info-request')!;
    expect(entry).toMatchObject({ flow: 'request', name: requestFlowDefinition.name, latestVersion: 1, versions: [{ version: 1, publishedAt: 0, publishedBy: null }] });
    expect(await admin.trpc.workflows.get.query({ key: 'info-request' })).toEqual({ key: 'info-request', version: 1, definition: requestFlowDefinition });
    expect((await admin.trpc.workflows.validate.mutate({ definition: requestFlowDefinition })).issues).toEqual([]);
    const { id } = await register();
    expect(await pinned(id)).toEqual({ k: 'info-request', v: 1 });
    const after = (await admin.trpc.workflows.list.query()).find((w) => w.key === 'info-request')!;
    expect(after.versions[0]!.inFlight).toBe(entry.versions[0]!.inFlight + 1);
  });

  it('exports and validates the request flow from the CLI, through the same services', async () => {
    const out: string[] = [];
    expect(await workflowCommand(server.services, ['export', 'info-request'], (l) => out.push(l))).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual(requestFlowDefinition);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-rf-')), 'bad.json');
    fs.writeFileSync(file, JSON.stringify(withStep('registered', (s) => delete s.role)));
    const lines: string[] = [];
    expect(await workflowCommand(server.services, ['validate', file], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toContain('步骤「登记待审查」（registered）：该步骤没有指定办理角色');
  });

  it('refuses an invalid request definition on the server, posted by hand past the editor, and stores nothing', async () => {
    const auditBefore = (await db().select().from(auditLog)).length;
    const sendsUnreviewed = withStep('reply_drafted', (s) => s.transitions!.push({ event: 'SEND_REPLY', to: 'closed' }));
    const { issues } = await admin.trpc.workflows.validate.mutate({ definition: sendsUnreviewed });
    expect(issues.map((i) => [i.stepId, i.code])).toEqual([['reply_drafted', 'reply_unreviewed']]);
    const response = await admin.fetch('/api/trpc/workflows.publish', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ definition: sendsUnreviewed, notes: '绕过编辑器' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^流程定义未通过校验，不能发布：\n1\. 步骤「答复书待审核」（reply_drafted）：答复书可以未经审核/);
    const abandonsAnywhere = withStep('accepted', (s) => s.transitions!.push({ event: 'CLOSE_UNCORRECTED', to: 'closed' }));
    expect((await failure(admin.trpc.workflows.publish.mutate({ definition: abandonsAnywhere }))).message).toContain('「逾期未补正，终止」只能在等待补正的步骤中进行');
    // A request flow cannot take over the release-review key either.
    expect((await failure(admin.trpc.workflows.publish.mutate({ definition: { ...requestFlowDefinition, key: 'release-review' } }))).message).toContain('流程类别与已发布的版本不同');
    // Only admins publish.
    expect((await failure(office.trpc.workflows.publish.mutate({ definition: withLeaderSignoff() }))).code).toBe('FORBIDDEN');
    expect(await stored()).toHaveLength(1);
    expect((await db().select().from(auditLog)).length).toBe(auditBefore);
  });

  it('keeps a request in flight on v1 while a new one starts on v2 (leader sign-off of the reply)', async () => {
    const old = await register();
    const oldVersion = await toReviewed(old.id);

    expect(await admin.trpc.workflows.publish.mutate({ definition: withLeaderSignoff(), notes: '答复书增加领导签发' })).toEqual({ version: 2 });
    const [publishAudit] = (await db().select().from(auditLog).where(eq(auditLog.action, 'workflow.publish'))).filter((a) => a.toState === 'info-request@2');
    expect(publishAudit).toBeDefined();

    const fresh = await register();
    expect(await pinned(fresh.id)).toEqual({ k: 'info-request', v: 2 });
    expect(await pinned(old.id)).toEqual({ k: 'info-request', v: 1 });
    let freshVersion = await toReviewed(fresh.id);

    // v2: reviewed is not enough, the office head must sign; the clerk cannot and is told why.
    let view = await office.trpc.requests.get.query({ id: fresh.id });
    expect(view.request.status).toBe('reply_reviewed');
    expect(view.flow).toEqual({ key: 'info-request', version: 2, stepLabel: { zh: '答复书待领导签发', en: 'Reply awaiting sign-off' } });
    expect(view.actions).not.toContain('SEND_REPLY');
    expect(await failure(office.trpc.requests.sendReply.mutate({ requestId: fresh.id, expectedVersion: freshVersion, date: today(), deliveryMethod: 'email' }))).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(admin.trpc.requests.reviewReply.mutate({ requestId: fresh.id, expectedVersion: freshVersion, date: today() }))).toEqual({ code: 'BAD_REQUEST', message: '该步骤须由「分管领导」办理' });
    freshVersion = (await head.trpc.requests.reviewReply.mutate({ requestId: fresh.id, expectedVersion: freshVersion, date: today() })).version;
    view = await office.trpc.requests.get.query({ id: fresh.id });
    expect(view.request.status).toBe('reply_signed');
    expect(view.actions).toContain('SEND_REPLY');
    // The dashboard names a status only v2 has by that step's label, not its id.
    const glance = await head.trpc.dashboard.summary.query({ from: '2000-01-01', to: today() });
    expect(glance.requestsByStatus).toContainEqual(expect.objectContaining({ status: 'reply_signed', label: { zh: '答复书已签发待送达', en: 'Reply signed, to be sent' } }));
    await office.trpc.requests.sendReply.mutate({ requestId: fresh.id, expectedVersion: freshVersion, date: today(), deliveryMethod: 'email' });
    expect((await office.trpc.requests.get.query({ id: fresh.id })).request).toMatchObject({ status: 'closed', result: 'disclose' });

    // v1: the old request is sent after its one review, as it always was.
    expect((await office.trpc.requests.get.query({ id: old.id })).actions).toContain('SEND_REPLY');
    await office.trpc.requests.sendReply.mutate({ requestId: old.id, expectedVersion: oldVersion, date: today(), deliveryMethod: 'post' });
    expect((await office.trpc.requests.get.query({ id: old.id })).request.status).toBe('closed');

    const versions = (await admin.trpc.workflows.list.query()).find((w) => w.key === 'info-request')!.versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    // The register lists the new step by its name in the pinned version.
    const listed = (await office.trpc.requests.list.query({ scope: 'all' })).items.find((r) => r.id === fresh.id);
    expect(listed?.stepLabel).toEqual({ zh: '已办结', en: 'Closed' });
  });

  it('lists the registry’s guard names per flow family for the editor, admins only', async () => {
    const entries = await admin.trpc.workflows.registry.query();
    expect(entries.find((e) => e.name === 'hasStatistics')).toMatchObject({ flow: 'review', use: 'condition', label: { zh: '含统计数据' } });
    // The example plugin the server installs.
    expect(entries.find((e) => e.name === 'noSensitiveWords')).toMatchObject({ flow: 'review', use: 'requirement', label: { zh: '不含敏感词' } });
    expect(entries.find((e) => e.name === 'holdsStepRole')).toMatchObject({ flow: 'request', use: 'condition' });
    expect(entries.find((e) => e.name === 'replyValid')).toMatchObject({ flow: 'request', use: 'rule', events: ['DRAFT_REPLY'] });
    expect((await failure(office.trpc.workflows.registry.query())).code).toBe('FORBIDDEN');
  });
});
