import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/test-server';
import { failure, signedIn, type ApiClient } from '../support/api-client';
import { applicationFields, testClock } from '../support/apply-form';
import type { InfoRequestForm } from '../../forms/info-request';
import { auditLog, infoRequests, replyLetters, requestAppeals, requestEvents } from '../../server/db/schema/index';
import { verifyAuditChain } from '../../server/services/audit-verify-service';

/** Sets the server's clock to 10:00 CST on a day. */
const cst = (date: string) => Date.parse(`${date}T10:00:00+08:00`);

describe('handling an information request (staff)', () => {
  const clock = testClock(cst('2026-03-02'));
  let server: TestServer;
  let office: ApiClient;
  let head: ApiClient;
  let drafter: ApiClient;
  const form = (): InfoRequestForm => ({ ...applicationFields() });

  /** Moves the server's clock; sessions would have expired over the weeks, so everyone signs in again. */
  async function setDay(ms: number) {
    clock.set(ms);
    [office, head, drafter] = await Promise.all([signedIn(server.url, 'publisher'), signedIn(server.url, 'leader'), signedIn(server.url, 'drafter')]);
  }

  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
    await setDay(clock.now());
  });
  afterAll(() => server.close());

  it('takes a letter request through correction, consultation, extension and a reviewed reply', async () => {
    const { id, requestNo, secretCode } = await office.trpc.requests.register.mutate({ form: form(), channel: 'letter', receivedAt: '2026-03-02' });
    expect(requestNo).toMatch(/^QY-2026-\d{4}$/);
    expect(secretCode).toMatch(/^[A-Z2-9-]{14}$/);
    let view = await office.trpc.requests.get.query({ id });
    expect(view.next).toMatchObject({ kind: 'correction_notice', due: '2026-03-11' });
    expect(view.actions).toEqual(expect.arrayContaining(['ACCEPT', 'REQUEST_CORRECTION']));

    await setDay(cst('2026-03-04'));
    let version = (await office.trpc.requests.act.mutate({ action: 'request_correction', requestId: id, expectedVersion: 1, date: '2026-03-04', note: '请明确所需信息的年份' })).version;
    // Once only, and a stale page changes nothing.
    expect(await failure(office.trpc.requests.act.mutate({ action: 'request_correction', requestId: id, expectedVersion: 1, date: '2026-03-04', note: '' }))).toMatchObject({ code: 'CONFLICT' });

    await setDay(cst('2026-03-10'));
    expect(await failure(office.trpc.requests.act.mutate({ action: 'receive_correction', requestId: id, expectedVersion: version, date: '2026-03-11', note: '' }))).toEqual({ code: 'BAD_REQUEST', message: '「日期」不能晚于今天' });
    version = (await office.trpc.requests.act.mutate({ action: 'receive_correction', requestId: id, expectedVersion: version, date: '2026-03-10', note: '申请人补正为 2026 年度' })).version;
    view = await office.trpc.requests.get.query({ id });
    // The clock restarts from the corrected request: 20 working days from 03-10.
    expect(view.deadlines.reply).toMatchObject({ due: '2026-04-08', startedOn: '2026-03-10' });

    await setDay(cst('2026-03-13'));
    version = (await office.trpc.requests.act.mutate({ action: 'start_consultation', requestId: id, expectedVersion: version, date: '2026-03-11', note: '征求第三方意见' })).version;
    view = await office.trpc.requests.get.query({ id });
    expect(view.next).toMatchObject({ kind: 'consultation', due: '2026-04-01', paused: true });
    version = (await office.trpc.requests.act.mutate({ action: 'end_consultation', requestId: id, expectedVersion: version, date: '2026-03-13', note: '第三方不同意公开' })).version;
    view = await office.trpc.requests.get.query({ id });
    // 03-12 and 03-13 did not count: 04-08 → 04-10.
    expect(view.deadlines.reply).toMatchObject({ due: '2026-04-10', daysPaused: 2 });

    await setDay(cst('2026-03-20'));
    version = (await office.trpc.requests.act.mutate({ action: 'request_extension', requestId: id, expectedVersion: version, date: '2026-03-20', note: '需调取档案核实', days: 10 })).version;
    expect(await failure(office.trpc.requests.approveExtension.mutate({ requestId: id, expectedVersion: version, date: '2026-03-20', note: '' }))).toMatchObject({ code: 'FORBIDDEN' });
    version = (await head.trpc.requests.approveExtension.mutate({ requestId: id, expectedVersion: version, date: '2026-03-20', note: '同意延期，并告知申请人' })).version;
    view = await office.trpc.requests.get.query({ id });
    expect(view.deadlines.reply).toMatchObject({ due: '2026-04-24', extendedBy: 10 });
    expect(view.extension).toMatchObject({ days: 10 });

    await setDay(cst('2026-04-01'));
    expect(await failure(office.trpc.requests.draftReply.mutate({ requestId: id, expectedVersion: version, date: '2026-04-01', result: 'withhold', subReason: null }))).toMatchObject({ code: 'BAD_REQUEST' });
    version = (await office.trpc.requests.draftReply.mutate({ requestId: id, expectedVersion: version, date: '2026-04-01', result: 'withhold', subReason: 'third_party_rights' })).version;
    view = await office.trpc.requests.get.query({ id });
    expect(view.letter).toMatchObject({ status: 'draft', result: 'withhold', subReason: 'third_party_rights' });
    expect(view.letter!.body).toContain('保护第三方合法权益');
    expect(view.letter!.body).toContain(requestNo);
    version = (await office.trpc.requests.editLetter.mutate({ requestId: id, expectedVersion: version, title: view.letter!.title, body: `${view.letter!.body}\n（经征求第三方意见，第三方不同意公开。）` })).version;
    expect(await failure(office.trpc.requests.reviewReply.mutate({ requestId: id, expectedVersion: version, date: '2026-04-01' }))).toEqual({ code: 'BAD_REQUEST', message: '答复书须由起草人以外的人员审核' });
    version = (await head.trpc.requests.reviewReply.mutate({ requestId: id, expectedVersion: version, date: '2026-04-01' })).version;
    await setDay(cst('2026-04-02'));
    await office.trpc.requests.sendReply.mutate({ requestId: id, expectedVersion: version, date: '2026-04-02', deliveryMethod: 'post' });

    const { db } = server.services.database;
    const [row] = await db.select().from(infoRequests).where(eq(infoRequests.id, id));
    expect(row).toMatchObject({ status: 'closed', result: 'withhold', subReason: 'third_party_rights', receivedAt: '2026-03-02', repliedAt: '2026-04-02', closedAt: '2026-04-02', applicantType: 'natural_person', channel: 'letter' });
    const [letter] = await db.select().from(replyLetters).where(eq(replyLetters.requestId, id));
    expect(letter).toMatchObject({ status: 'sent', sentOn: '2026-04-02', deliveryMethod: 'post' });
    const events = await db.select({ name: requestEvents.name, date: requestEvents.date }).from(requestEvents).where(eq(requestEvents.requestId, id));
    expect(events.map((e) => e.name)).toEqual([
      'request.received', 'request.correction_notified', 'request.corrected', 'consultation.started', 'consultation.ended',
      'request.extension_requested', 'request.extended', 'reply.drafted', 'reply.reviewed', 'reply.sent',
    ]);
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(like(auditLog.detail, `%${id}%`));
    expect(audit.map((a) => a.action)).toEqual([
      'request.registered', 'request.request_correction', 'request.receive_correction', 'request.start_consultation', 'request.end_consultation',
      'request.request_extension', 'request.approve_extension', 'request.draft_reply', 'request.letter_edited', 'request.review_reply', 'request.send_reply',
    ]);
    expect((await verifyAuditChain(server.services)).broken).toBeNull();
  });

  it('closes a request the applicant never corrected, but not before the applicant’s time is up', async () => {
    await setDay(cst('2026-05-06'));
    const { id } = await office.trpc.requests.register.mutate({ form: form(), channel: 'in_person', receivedAt: '2026-05-06' });
    let version = (await office.trpc.requests.act.mutate({ action: 'request_correction', requestId: id, expectedVersion: 1, date: '2026-05-06', note: '' })).version;
    const view = await office.trpc.requests.get.query({ id });
    const due = view.deadlines.correctionPeriod!;
    await setDay(cst(due));
    expect(await failure(office.trpc.requests.act.mutate({ action: 'close_uncorrected', requestId: id, expectedVersion: version, date: due, note: '' }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('补正期限尚未届满') });
    await setDay(cst(due) + 24 * 3600 * 1000);
    const next = new Date(cst(due) + 24 * 3600 * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 10);
    version = (await office.trpc.requests.act.mutate({ action: 'close_uncorrected', requestId: id, expectedVersion: version, date: next, note: '' })).version;
    const [row] = await server.services.database.db.select().from(infoRequests).where(eq(infoRequests.id, id));
    expect(row).toMatchObject({ status: 'closed', result: 'other', subReason: 'no_correction_in_time', closedAt: next, repliedAt: null });
  });

  it('keeps the register from everyone but the disclosure office, admins and leaders', async () => {
    expect(await failure(drafter.trpc.requests.list.query({ scope: 'all' }))).toMatchObject({ code: 'FORBIDDEN' });
    const list = await head.trpc.requests.list.query({ scope: 'all' });
    expect(list.items.length).toBeGreaterThanOrEqual(2);
  });

  it('suggests publishing proactively when the same information is asked for the third time', async () => {
    await setDay(cst('2026-06-01'));
    const ask = (description: string) => office.trpc.requests.register.mutate({ form: { ...form(), description }, channel: 'letter', receivedAt: '2026-06-01' });
    const first = await ask('2026年特困人员救助供养机构名册');
    expect((await office.trpc.requests.get.query({ id: first.id })).similar).toEqual([]);
    await ask('请公开本市特困人员救助供养机构名册');
    let view = await office.trpc.requests.get.query({ id: first.id });
    expect(view.similar.length).toBe(1);
    expect(view.suggestProactive).toBe(false);
    await ask('特困人员救助供养机构名册（2026年度）');
    view = await office.trpc.requests.get.query({ id: first.id });
    expect(view.similar.length).toBe(2);
    expect(view.suggestProactive).toBe(true);
    const unrelated = await ask('养老机构运营补贴发放标准');
    expect((await office.trpc.requests.get.query({ id: unrelated.id })).suggestProactive).toBe(false);
  });

  it('records appeals with their outcome and the documents a request released; refuses nonsense dates', async () => {
    const [closed] = await server.services.database.db.select().from(infoRequests).where(eq(infoRequests.result, 'withhold'));
    expect(await failure(office.trpc.requests.addAppeal.mutate({ requestId: closed!.id, kind: 'reconsideration', outcome: 'upheld', filedOn: '2026-05-01', decidedOn: null, notes: '' }))).toEqual({ code: 'BAD_REQUEST', message: '请填写「审结日期」' });
    const { id: appealId } = await office.trpc.requests.addAppeal.mutate({ requestId: closed!.id, kind: 'reconsideration', outcome: 'pending', filedOn: '2026-05-01', decidedOn: null, notes: '申请人不服不予公开答复' });
    await office.trpc.requests.decideAppeal.mutate({ appealId, outcome: 'upheld', decidedOn: '2026-05-29', notes: '复议维持' });
    const [appeal] = await server.services.database.db.select().from(requestAppeals).where(eq(requestAppeals.id, appealId));
    expect(appeal).toMatchObject({ kind: 'reconsideration', outcome: 'upheld', filedOn: '2026-05-01', decidedOn: '2026-05-29' });
    expect(await failure(office.trpc.requests.decideAppeal.mutate({ appealId, outcome: 'corrected', decidedOn: '2026-05-30', notes: '' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('lists open requests with their next deadline for the deadline board', async () => {
    await setDay(cst('2026-06-26'));
    const board = await office.trpc.requests.deadlines.query();
    expect(board.length).toBeGreaterThan(0);
    expect(board.every((r) => r.due >= '2026-06-01')).toBe(true);
    expect(board[0]).toMatchObject({ kind: 'correction_notice', state: 'overdue' });
    const overdue = await office.trpc.requests.list.query({ scope: 'open', dueState: 'overdue' });
    expect(overdue.items.length).toBe(board.filter((r) => r.state === 'overdue').length);
    // The deadline board carries the flagged requests, so its 超期/临期 counts include them; not for a drafter.
    const deadlineBoard = await office.trpc.deadlines.board.query();
    expect(deadlineBoard.requests.map((r) => r.id)).toEqual(board.filter((r) => r.state !== 'on_time').map((r) => r.id));
    expect(deadlineBoard.requests.some((r) => r.state === 'overdue')).toBe(true);
    expect((await head.trpc.deadlines.board.query()).requests.length).toBe(deadlineBoard.requests.length);
    expect((await drafter.trpc.deadlines.board.query()).requests).toEqual([]);
  });

  it('pauses the reply clock while a fee is unpaid, records the fee, and closes as abandoned when it is never paid', async () => {
    await setDay(cst('2026-07-01'));
    const paid = await office.trpc.requests.register.mutate({ form: form(), channel: 'letter', receivedAt: '2026-07-01' });
    let version = (await office.trpc.requests.act.mutate({ action: 'accept', requestId: paid.id, expectedVersion: 1, date: '2026-07-01', note: '' })).version;
    expect(await failure(office.trpc.requests.act.mutate({ action: 'notify_fee', requestId: paid.id, expectedVersion: version, date: '2026-07-01', note: '', basis: 'per_page', amountFen: 0 }))).toMatchObject({ code: 'BAD_REQUEST' });
    version = (await office.trpc.requests.act.mutate({ action: 'notify_fee', requestId: paid.id, expectedVersion: version, date: '2026-07-01', note: '超出合理数量', basis: 'per_page', amountFen: 12_000 })).version;
    await setDay(cst('2026-07-08'));
    version = (await office.trpc.requests.act.mutate({ action: 'record_fee_paid', requestId: paid.id, expectedVersion: version, date: '2026-07-08', note: '' })).version;
    const view = await office.trpc.requests.get.query({ id: paid.id });
    // 07-02 … 07-08 (5 working days) did not count: 20 working days from 07-01 is 07-29, now 08-05.
    expect(view.deadlines.reply).toMatchObject({ due: '2026-08-05', daysPaused: 5 });
    expect(view.request).toMatchObject({ feeBasis: 'per_page', feeAmountFen: 12_000, feeNotifiedOn: '2026-07-01', feePaidOn: '2026-07-08' });

    const unpaid = await office.trpc.requests.register.mutate({ form: form(), channel: 'letter', receivedAt: '2026-07-08' });
    version = (await office.trpc.requests.act.mutate({ action: 'accept', requestId: unpaid.id, expectedVersion: 1, date: '2026-07-08', note: '' })).version;
    version = (await office.trpc.requests.act.mutate({ action: 'notify_fee', requestId: unpaid.id, expectedVersion: version, date: '2026-07-08', note: '', basis: 'per_request', amountFen: 5_000 })).version;
    expect(await failure(office.trpc.requests.act.mutate({ action: 'close_fee_unpaid', requestId: unpaid.id, expectedVersion: version, date: '2026-07-08', note: '' }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('缴费期限尚未届满（截至 2026-08-05）') });
    await setDay(cst('2026-08-06'));
    await office.trpc.requests.act.mutate({ action: 'close_fee_unpaid', requestId: unpaid.id, expectedVersion: version, date: '2026-08-06', note: '' });
    const [row] = await server.services.database.db.select().from(infoRequests).where(eq(infoRequests.id, unpaid.id));
    expect(row).toMatchObject({ status: 'closed', result: 'other', subReason: 'fee_unpaid_in_time', closedAt: '2026-08-06', repliedAt: null });
  });
});
