import { describe, expect, it } from 'vitest';
import { requestDeadlines } from './request-clocks';
import { startRequest, stepRequest } from './request-engine';
import { calendar, clerk, clerk2, head, run } from './request-test-helpers';
import type { RequestEvent } from './request.machine';

// March 2026 has no holidays: received Monday 03-02, the reply is due on the 20th working day, 03-30.
const RECEIVED = '2026-03-02';
const at = (date: string) => ({ date, actor: clerk });
const deadlines = (state: ReturnType<typeof run>) => requestDeadlines(state.context.clock, calendar);

describe('request flow: the plain path', () => {
  it('goes registered → accepted → reply drafted → reviewed → sent, closing with the reply', () => {
    const state = run(RECEIVED, [
      { type: 'ACCEPT', ...at('2026-03-03') },
      { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...at('2026-03-10') },
      { type: 'REVIEW_REPLY', date: '2026-03-11', actor: clerk2 },
      { type: 'SEND_REPLY', ...at('2026-03-12') },
    ]);
    expect(state.value).toBe('closed');
    expect(state.context.outcome).toEqual({ result: 'disclose', subReason: null, closedOn: '2026-03-12', repliedOn: '2026-03-12' });
    expect(deadlines(state).reply.due).toBe('2026-03-30');
  });

  it('refuses a review by the letter’s own drafter', () => {
    const drafted = run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-03') }, { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...at('2026-03-10') }]);
    expect(stepRequest(calendar, drafted, { type: 'REVIEW_REPLY', ...at('2026-03-11') })).toBeNull();
  });

  it('takes only result/sub-reason pairs the Regulations know, and not the lapse reasons by hand', () => {
    const accepted = run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-03') }]);
    const draft = (result: string, subReason: string | null): RequestEvent => ({ type: 'DRAFT_REPLY', result, subReason, ...at('2026-03-04') }) as RequestEvent;
    expect(stepRequest(calendar, accepted, draft('withhold', 'state_secret'))?.state.value).toBe('reply_drafted');
    expect(stepRequest(calendar, accepted, draft('withhold', null))).toBeNull();
    expect(stepRequest(calendar, accepted, draft('disclose', 'not_held'))).toBeNull();
    expect(stepRequest(calendar, accepted, draft('cannot_provide', 'not_held'))?.state.value).toBe('reply_drafted');
    expect(stepRequest(calendar, accepted, draft('other', 'no_correction_in_time'))).toBeNull();
    expect(stepRequest(calendar, accepted, draft('other', 'other'))?.state.value).toBe('reply_drafted');
  });

  it('sends a changed letter back for review', () => {
    const reviewed = run(RECEIVED, [
      { type: 'ACCEPT', ...at('2026-03-03') },
      { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...at('2026-03-10') },
      { type: 'REVIEW_REPLY', date: '2026-03-11', actor: clerk2 },
    ]);
    const redrafted = stepRequest(calendar, reviewed, { type: 'DRAFT_REPLY', result: 'partial', subReason: null, ...at('2026-03-11') });
    expect(redrafted?.state.value).toBe('reply_drafted');
    expect(redrafted?.state.context.reply).toMatchObject({ result: 'partial', reviewedBy: null });
  });

  it('refuses an event dated before what is already recorded', () => {
    const accepted = run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-05') }]);
    expect(stepRequest(calendar, accepted, { type: 'START_CONSULTATION', ...at('2026-03-04') })).toBeNull();
    expect(stepRequest(calendar, startRequest(calendar, RECEIVED), { type: 'ACCEPT', ...at('2026-03-01') })).toBeNull();
  });
});

describe('request flow: correction (补正)', () => {
  it('is asked once, within 7 working days of receipt (03-11)', () => {
    const registered = startRequest(calendar, RECEIVED);
    expect(deadlines(registered).correctionNotice).toBe('2026-03-11');
    expect(stepRequest(calendar, registered, { type: 'REQUEST_CORRECTION', ...at('2026-03-11') })?.state.value).toBe('awaiting_correction');
    expect(stepRequest(calendar, registered, { type: 'REQUEST_CORRECTION', ...at('2026-03-12') })).toBeNull();
  });

  it('restarts the reply clock from the corrected request', () => {
    const corrected = run(RECEIVED, [
      { type: 'REQUEST_CORRECTION', ...at('2026-03-05') },
      { type: 'RECEIVE_CORRECTION', ...at('2026-03-16') },
    ]);
    expect(corrected.value).toBe('accepted');
    // 20 working days from 03-16, over Qingming (04-04 … 04-06): 04-14.
    expect(deadlines(corrected).reply).toMatchObject({ due: '2026-04-14', startedOn: '2026-03-16' });
    // Once only: an accepted request cannot be sent back for correction again.
    expect(stepRequest(calendar, corrected, { type: 'REQUEST_CORRECTION', ...at('2026-03-17') })).toBeNull();
  });

  it('closes as abandoned (other / no correction in time) only after the applicant’s 15 working days', () => {
    const waiting = run(RECEIVED, [{ type: 'REQUEST_CORRECTION', ...at('2026-03-05') }]);
    expect(deadlines(waiting).correctionPeriod).toBe('2026-03-26');
    expect(stepRequest(calendar, waiting, { type: 'CLOSE_UNCORRECTED', ...at('2026-03-26') })).toBeNull();
    const closed = stepRequest(calendar, waiting, { type: 'CLOSE_UNCORRECTED', ...at('2026-03-27') });
    expect(closed?.state.value).toBe('closed');
    expect(closed?.state.context.outcome).toEqual({ result: 'other', subReason: 'no_correction_in_time', closedOn: '2026-03-27', repliedOn: null });
  });
});

describe('request flow: consultation (征求意见) pauses the reply clock', () => {
  it('adds the consultation’s working days and gives the third party 15 working days', () => {
    const consulting = run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-03') }, { type: 'START_CONSULTATION', ...at('2026-03-09') }]);
    expect(consulting.value).toBe('consulting');
    expect(deadlines(consulting)).toMatchObject({ consultation: '2026-03-30' });
    expect(requestDeadlines(consulting.context.clock, calendar, '2026-03-11').reply).toMatchObject({ paused: true, due: '2026-04-01' });
    // No reply while they are being consulted.
    expect(stepRequest(calendar, consulting, { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...at('2026-03-10') })).toBeNull();
    const ended = stepRequest(calendar, consulting, { type: 'END_CONSULTATION', ...at('2026-03-13') })!.state;
    // Paused 03-10 … 03-13, four working days: 03-30 → 04-03.
    expect(deadlines(ended).reply).toMatchObject({ due: '2026-04-03', daysPaused: 4, paused: false });
    expect(deadlines(ended).consultation).toBeNull();
  });
});

describe('request flow: extension (延期答复)', () => {
  const accepted = () => run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-03') }]);

  it('needs the disclosure office head (leader), not the one who asked, before the limit runs out', () => {
    const asked = stepRequest(calendar, accepted(), { type: 'REQUEST_EXTENSION', days: 20, ...at('2026-03-20') })!.state;
    expect(deadlines(asked).reply.due).toBe('2026-03-30');
    expect(stepRequest(calendar, asked, { type: 'APPROVE_EXTENSION', ...at('2026-03-23') })).toBeNull();
    expect(stepRequest(calendar, asked, { type: 'APPROVE_EXTENSION', date: '2026-03-23', actor: { id: 'clerk', roles: ['publisher', 'leader'] } })).toBeNull();
    expect(stepRequest(calendar, asked, { type: 'APPROVE_EXTENSION', date: '2026-03-31', actor: head })).toBeNull();
    const approved = stepRequest(calendar, asked, { type: 'APPROVE_EXTENSION', date: '2026-03-23', actor: head })!.state;
    expect(deadlines(approved).reply).toMatchObject({ due: '2026-04-28', extendedBy: 20 });
  });

  it('is granted once, for at most 20 working days', () => {
    expect(stepRequest(calendar, accepted(), { type: 'REQUEST_EXTENSION', days: 21, ...at('2026-03-20') })).toBeNull();
    expect(stepRequest(calendar, accepted(), { type: 'REQUEST_EXTENSION', days: 0, ...at('2026-03-20') })).toBeNull();
    const approved = run(RECEIVED, [
      { type: 'ACCEPT', ...at('2026-03-03') },
      { type: 'REQUEST_EXTENSION', days: 10, ...at('2026-03-20') },
      { type: 'APPROVE_EXTENSION', date: '2026-03-20', actor: head },
    ]);
    expect(deadlines(approved).reply.due).toBe('2026-04-14');
    expect(stepRequest(calendar, approved, { type: 'REQUEST_EXTENSION', days: 5, ...at('2026-03-24') })).toBeNull();
  });
});

describe('request flow: processing fee (信息处理费)', () => {
  const notified = () => run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-03') }, { type: 'NOTIFY_FEE', ...at('2026-03-10') }]);

  it('does not count the time the applicant takes to pay', () => {
    expect(deadlines(notified()).feePayment).toBe('2026-04-08');
    const paid = stepRequest(calendar, notified(), { type: 'RECORD_FEE_PAID', ...at('2026-03-20') })!.state;
    expect(paid.value).toBe('accepted');
    // Paused 03-11 … 03-20 (8 working days): 03-30 → 04-10.
    expect(deadlines(paid).reply).toMatchObject({ due: '2026-04-10', daysPaused: 8 });
    expect(deadlines(paid).feePayment).toBeNull();
  });

  it('closes as abandoned (other / fee not paid in time) after the 20 working days', () => {
    expect(stepRequest(calendar, notified(), { type: 'CLOSE_FEE_UNPAID', ...at('2026-04-08') })).toBeNull();
    const closed = stepRequest(calendar, notified(), { type: 'CLOSE_FEE_UNPAID', ...at('2026-04-09') })!.state;
    expect(closed.value).toBe('closed');
    expect(closed.context.outcome).toMatchObject({ result: 'other', subReason: 'fee_unpaid_in_time', repliedOn: null });
  });
});
