/**
 * Migrating information requests in flight to a newer request-flow version (instance
 * migration, as release review has): the dry run says which requests move where and which are
 * refused and why; applying moves exactly those in one transaction with one audit row each,
 * leaves the refused ones untouched and every statutory clock where it was. Admins only.
 * (request-flow-migration.test.ts is the schema migration that pinned old requests to v1.)
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, infoRequests } from '../../server/db/schema/index';
import { cstDate } from '../../server/time';
import { withLeaderSignoff } from '../../workflows/requests/request-flow-samples';
import { failure, signedIn, type ApiClient } from '../support/api-client';
import { applicationFields, postForm } from '../support/apply-form';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let admin: ApiClient;
let office: ApiClient;
const today = () => cstDate(Date.now());
const db = () => server.services.database.db;
const rowOf = async (id: string) => (await db().select().from(infoRequests).where(eq(infoRequests.id, id)))[0]!;

beforeAll(async () => {
  server = await startTestServer();
  [admin, office] = await Promise.all([signedIn(server.url, 'admin'), signedIn(server.url, 'publisher')]);
});
afterAll(() => server.close());

/** The applicant's secret code of each request, for the public status page. */
const codes = new Map<string, { requestNo: string; code: string }>();

type Stage = 'accepted' | 'consulting' | 'reply_drafted' | 'reply_reviewed' | 'closed';

/** A request registered today and taken to `stage` on the flow it starts on. */
async function requestAt(stage: Stage): Promise<string> {
  const { id, requestNo, secretCode } = await office.trpc.requests.register.mutate({ form: applicationFields(), channel: 'letter', receivedAt: today() });
  codes.set(id, { requestNo, code: secretCode });
  const date = today();
  let version = (await office.trpc.requests.act.mutate({ action: 'accept', requestId: id, expectedVersion: 1, date, note: '' })).version;
  if (stage === 'consulting') await office.trpc.requests.act.mutate({ action: 'start_consultation', requestId: id, expectedVersion: version, date, note: '征求第三方意见' });
  if (stage === 'accepted' || stage === 'consulting') return id;
  version = (await office.trpc.requests.draftReply.mutate({ requestId: id, expectedVersion: version, date, result: 'disclose', subReason: null })).version;
  if (stage === 'reply_drafted') return id;
  version = (await admin.trpc.requests.reviewReply.mutate({ requestId: id, expectedVersion: version, date })).version;
  if (stage === 'closed') await office.trpc.requests.sendReply.mutate({ requestId: id, expectedVersion: version, date, deliveryMethod: 'email' });
  return id;
}

async function statusPage(id: string): Promise<string> {
  const { requestNo, code } = codes.get(id)!;
  const { status, html } = await postForm(server.url, '/public/apply/status', { requestNo, code });
  expect(status).toBe(200);
  return html;
}

describe('migrating requests in flight to a newer request-flow version', () => {
  it('previews, refuses what may not move, applies exactly the preview with audit rows, clocks unchanged', async () => {
    const ids = {
      accepted: await requestAt('accepted'),
      consulting: await requestAt('consulting'),
      drafted: await requestAt('reply_drafted'),
      reviewed: await requestAt('reply_reviewed'),
      closed: await requestAt('closed'),
    };
    expect(await admin.trpc.workflows.publish.mutate({ definition: withLeaderSignoff(), notes: '答复书增加领导签发' })).toEqual({ version: 2 });
    const before = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, { row: await rowOf(id), view: await office.trpc.requests.get.query({ id }) }] as const)));

    // The reviewed letter goes to the new sending step; an open consultation may not land on handling.
    const input = { key: 'info-request', fromVersion: 1, toVersion: 2, mapping: { reply_reviewed: 'reply_signed', consulting: 'accepted' } };
    const preview = await admin.trpc.workflows.requestMigrationPreview.query(input);
    const numberOf = (id: string) => before[Object.keys(ids).find((k) => ids[k as keyof typeof ids] === id)!]!.row.requestNo;
    expect(preview.moves.map((m) => [m.requestId, m.requestNo, m.fromStep, m.toStep])).toEqual([
      [ids.accepted, numberOf(ids.accepted), 'accepted', 'accepted'],
      [ids.drafted, numberOf(ids.drafted), 'reply_drafted', 'reply_drafted'],
      [ids.reviewed, numberOf(ids.reviewed), 'reply_reviewed', 'reply_signed'],
    ]);
    expect(preview.refused).toEqual([
      {
        requestId: ids.consulting,
        requestNo: numberOf(ids.consulting),
        fromStep: 'consulting',
        reason: { zh: '该申请正在征求意见，只能迁移到同类的等待步骤', en: 'the request is in consultation; it can only move to a step of that waiting kind' },
      },
    ]);

    // Not for staff other than admins; a stale preview is refused and changes nothing.
    expect((await failure(office.trpc.workflows.requestMigrationPreview.query(input))).code).toBe('FORBIDDEN');
    expect((await failure(office.trpc.workflows.migrateRequests.mutate({ ...input, expectedRequestIds: preview.moves.map((m) => m.requestId) }))).code).toBe('FORBIDDEN');
    expect(await failure(admin.trpc.workflows.migrateRequests.mutate({ ...input, expectedRequestIds: [ids.accepted] }))).toEqual({
      code: 'CONFLICT',
      message: '可迁移的申请已发生变化，请重新预览后再迁移',
    });
    expect((await failure(admin.trpc.workflows.requestMigrationPreview.query({ ...input, toVersion: 1 }))).code).toBe('BAD_REQUEST');
    // A release-review key is not a request flow.
    expect((await failure(admin.trpc.workflows.requestMigrationPreview.query({ ...input, key: 'release-review' }))).code).toBe('NOT_FOUND');
    expect((await rowOf(ids.accepted)).workflowVersion).toBe(1);

    const auditBefore = (await db().select().from(auditLog).where(eq(auditLog.action, 'request.migrate'))).length;
    expect(await admin.trpc.workflows.migrateRequests.mutate({ ...input, expectedRequestIds: preview.moves.map((m) => m.requestId) })).toEqual({ moved: 3 });

    for (const move of preview.moves) {
      const row = await rowOf(move.requestId);
      const was = before[Object.keys(ids).find((k) => ids[k as keyof typeof ids] === move.requestId)!]!;
      expect({ version: row.workflowVersion, status: row.status, rowVersion: row.version }).toEqual({ version: 2, status: move.toStep, rowVersion: was.row.version + 1 });
      // Same record, same dated events: the statutory clocks read exactly as before.
      expect(row.snapshot).toMatchObject({ value: move.toStep, context: (was.row.snapshot as { context: unknown }).context });
      const view = await office.trpc.requests.get.query({ id: move.requestId });
      expect(view.deadlines).toEqual(was.view.deadlines);
      expect(view.events).toEqual(was.view.events);
      expect(view.flow.version).toBe(2);
    }
    // The refused and the closed ones are untouched.
    for (const id of [ids.consulting, ids.closed]) {
      const k = Object.keys(ids).find((key) => ids[key as keyof typeof ids] === id)!;
      expect(await rowOf(id)).toEqual(before[k]!.row);
    }

    const audit = (await db().select().from(auditLog).where(eq(auditLog.action, 'request.migrate'))).slice(auditBefore);
    const detail = (a: (typeof audit)[number]) => JSON.parse(String(a.detail)) as Record<string, unknown>;
    expect(audit.map((a) => [a.fromState, a.toState, detail(a).requestId])).toEqual(preview.moves.map((m) => [m.fromStep, m.toStep, m.requestId]));
    expect(audit.map(detail)[0]).toMatchObject({ key: 'info-request', fromVersion: 1, toVersion: 2, requestNo: preview.moves[0]!.requestNo });
    expect(audit.every((a) => a.actorId !== null)).toBe(true);

    // The migrated requests go on under v2: the reviewed letter is sent from its new step.
    // The applicant sees the new step as 办理中 with the same last day, never its internal name.
    const page = await statusPage(ids.reviewed);
    expect(page).toContain('<strong>办理中</strong>');
    expect(page).toContain(before.reviewed!.view.deadlines.reply.due!);
    expect(page).not.toMatch(/签发|reply_signed/);
    const reviewed = await office.trpc.requests.get.query({ id: ids.reviewed });
    expect(reviewed.flow.stepLabel).toEqual({ zh: '答复书已签发待送达', en: 'Reply signed, to be sent' });
    expect(reviewed.actions).toContain('SEND_REPLY');
    await office.trpc.requests.sendReply.mutate({ requestId: ids.reviewed, expectedVersion: reviewed.request.version, date: today(), deliveryMethod: 'email' });
    expect((await rowOf(ids.reviewed)).status).toBe('closed');

    // Nothing left to move but the refused one; the list counts requests per version.
    const again = await admin.trpc.workflows.requestMigrationPreview.query(input);
    expect({ moves: again.moves, refused: again.refused.map((r) => r.requestId) }).toEqual({ moves: [], refused: [ids.consulting] });
    const versions = (await admin.trpc.workflows.list.query()).find((w) => w.key === 'info-request')!.versions;
    expect(versions.map((v) => [v.version, v.inFlight])).toEqual([
      [2, 2],
      [1, 1],
    ]);
  });

  it('refuses to apply when a request was handled after the preview, and moves none', async () => {
    const accepted = await requestAt('accepted');
    const reviewed = await requestAt('reply_reviewed');
    // The requests above registered today start on the latest version (2); v3 renames a step.
    const v3 = { ...withLeaderSignoff(), version: 3 };
    v3.steps = v3.steps.map((s) => (s.id === 'accepted' ? { ...s, label: { zh: '办理中（受理后）', en: 'Being handled' } } : s));
    expect(await admin.trpc.workflows.publish.mutate({ definition: v3 })).toEqual({ version: 3 });
    const input = { key: 'info-request', fromVersion: 2, toVersion: 3, mapping: {} };
    const preview = await admin.trpc.workflows.requestMigrationPreview.query(input);
    const ids = preview.moves.map((m) => m.requestId);
    expect(ids).toEqual(expect.arrayContaining([accepted, reviewed]));
    const before = await Promise.all(ids.map(rowOf));

    // Meanwhile the office head signs and the letter is sent: that request is no longer in flight.
    let version = (await rowOf(reviewed)).version;
    const head = await signedIn(server.url, 'leader');
    version = (await head.trpc.requests.reviewReply.mutate({ requestId: reviewed, expectedVersion: version, date: today() })).version;
    await office.trpc.requests.sendReply.mutate({ requestId: reviewed, expectedVersion: version, date: today(), deliveryMethod: 'email' });
    expect(await failure(admin.trpc.workflows.migrateRequests.mutate({ ...input, expectedRequestIds: ids }))).toEqual({
      code: 'CONFLICT',
      message: '可迁移的申请已发生变化，请重新预览后再迁移',
    });
    for (const [i, id] of ids.entries()) {
      const now = await rowOf(id);
      expect(now.workflowVersion).toBe(2);
      if (id !== reviewed) expect(now).toEqual(before[i]);
    }
  });
});
