import { describe, expect, it } from 'vitest';
import { nextDeadline, requestDeadlines } from './request-clocks';
import { stepRequest, type PersistedRequest } from './request-engine';
import type { RequestFlowDefinition } from './request-flow-definition';
import { requestFlowDefinition as v1 } from './request-flow.definition';
import { withLeaderSignoff } from './request-flow-samples';
import { planRequestMigration, requestFacts } from './request-migration-plan';
import { calendar, clerk, clerk2, run } from './request-test-helpers';

// March 2026 has no holidays: received Monday 03-02, the reply is due 03-30.
const RECEIVED = '2026-03-02';
const at = (date: string) => ({ date, actor: clerk });
const v2 = { ...withLeaderSignoff(), version: 2 };
/** v3: the consultation step renamed (a new id of the same waiting kind). */
const v3: RequestFlowDefinition = {
  ...v1,
  version: 3,
  steps: v1.steps.map((s) => ({
    ...s,
    ...(s.id === 'consulting' ? { id: 'third_party', label: { zh: '征求第三方意见', en: 'Third-party consultation' } } : {}),
    ...(s.transitions ? { transitions: s.transitions.map((t) => (t.to === 'consulting' ? { ...t, to: 'third_party' } : t)) } : {}),
  })),
};

const accepted = run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-03') }]);
const drafted = run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-03') }, { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...at('2026-03-10') }]);
const reviewed = run(RECEIVED, [
  { type: 'ACCEPT', ...at('2026-03-03') },
  { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...at('2026-03-10') },
  { type: 'REVIEW_REPLY', date: '2026-03-11', actor: clerk2 },
]);
const consulting = run(RECEIVED, [{ type: 'ACCEPT', ...at('2026-03-03') }, { type: 'START_CONSULTATION', ...at('2026-03-04') }]);
const correcting = run(RECEIVED, [{ type: 'REQUEST_CORRECTION', ...at('2026-03-03') }]);
const registered = run(RECEIVED, []);
const closed = run(RECEIVED, [...reviewedEvents(), { type: 'SEND_REPLY', ...at('2026-03-12') }]);

function reviewedEvents() {
  return [
    { type: 'ACCEPT' as const, ...at('2026-03-03') },
    { type: 'DRAFT_REPLY' as const, result: 'disclose' as const, subReason: null, ...at('2026-03-10') },
    { type: 'REVIEW_REPLY' as const, date: '2026-03-11', actor: clerk2 },
  ];
}

const plan = (from: RequestFlowDefinition, to: RequestFlowDefinition, state: PersistedRequest, mapping: Record<string, string> = {}) => planRequestMigration(from, to, state, mapping);

describe('planRequestMigration', () => {
  it('moves a reviewed letter to the new sign-off version’s sending step, its record and clocks unchanged', () => {
    const outcome = plan(v1, v2, reviewed, { reply_reviewed: 'reply_signed' });
    expect(outcome).toMatchObject({ ok: true, toStep: 'reply_signed' });
    if (!outcome.ok) return;
    expect(outcome.state.context).toEqual(reviewed.context);
    expect(requestDeadlines(outcome.state.context.clock, calendar)).toEqual(requestDeadlines(reviewed.context.clock, calendar));
    expect(nextDeadline(outcome.toStep, outcome.state.context.clock, calendar, undefined, v2.steps)).toMatchObject({ kind: 'reply', due: '2026-03-30' });
    // It goes on under the new version's machine.
    expect(stepRequest(calendar, outcome.state, { type: 'SEND_REPLY', ...at('2026-03-12') }, v2)?.state.value).toBe('closed');
  });

  it('keeps a step both versions have without a mapping, and a reviewed letter may meet the new sign-off', () => {
    expect(plan(v1, v2, drafted)).toMatchObject({ ok: true, toStep: 'reply_drafted' });
    expect(plan(v1, v2, reviewed)).toMatchObject({ ok: true, toStep: 'reply_reviewed' });
  });

  it('moves an open consultation to the renamed consultation step, the reply clock still paused', () => {
    const outcome = plan(v1, v3, consulting, { consulting: 'third_party' });
    expect(outcome).toMatchObject({ ok: true, toStep: 'third_party' });
    if (!outcome.ok) return;
    expect(nextDeadline('third_party', outcome.state.context.clock, calendar, '2026-03-05', v3.steps)).toEqual(
      nextDeadline('consulting', consulting.context.clock, calendar, '2026-03-05', v1.steps),
    );
    expect(stepRequest(calendar, outcome.state, { type: 'END_CONSULTATION', ...at('2026-03-06') }, v3)?.state.value).toBe('accepted');
  });

  it.each<[string, PersistedRequest, RequestFlowDefinition, Record<string, string>, string, RegExp]>([
    ['an unreviewed letter onto a sending step', drafted, v2, { reply_drafted: 'reply_signed' }, 'precondition', /答复书尚未审核/],
    ['an open consultation onto a handling step', consulting, v3, { consulting: 'accepted' }, 'precondition', /正在征求意见，只能迁移到同类的等待步骤/],
    ['a request not yet accepted onto a handling step', registered, v2, { registered: 'accepted' }, 'precondition', /尚未受理/],
    ['an accepted request back to intake', accepted, v2, { accepted: 'registered' }, 'precondition', /已受理，不能回到登记步骤/],
    ['a request waiting for correction onto the fee wait', correcting, v2, { awaiting_correction: 'fee_pending' }, 'precondition', /当前不处于等待缴纳信息处理费/],
    ['a request waiting for correction onto a handling step', correcting, v2, { awaiting_correction: 'accepted' }, 'precondition', /正在等待申请人补正/],
    ['a drafted letter back to handling', drafted, v2, { reply_drafted: 'accepted' }, 'precondition', /答复书已起草/],
    ['a closed request', closed, v2, {}, 'not_in_flight', /已在「已办结」办结/],
    ['a step the new version lacks, unmapped', consulting, v3, {}, 'unmapped', /新版本没有步骤「征求意见中」/],
    ['a target that is the end', accepted, v2, { accepted: 'closed' }, 'unknown_target', /不是新版本中的办理步骤/],
    ['a target that is no step', accepted, v2, { accepted: 'nowhere' }, 'unknown_target', /不是新版本中的办理步骤/],
  ])('refuses %s, saying why', (_name, state, to, mapping, code, reason) => {
    const outcome = plan(v1, to, state, mapping);
    expect(outcome).toMatchObject({ ok: false, code });
    expect(!outcome.ok && outcome.reason.zh).toMatch(reason);
    expect(!outcome.ok && outcome.reason.en.length).toBeGreaterThan(0);
  });

  it('reads the facts from the record', () => {
    expect(requestFacts(registered.context)).toMatchObject({ accepted: false, correctionPending: false });
    expect(requestFacts(correcting.context)).toMatchObject({ accepted: false, correctionPending: true });
    const corrected = stepRequest(calendar, correcting, { type: 'RECEIVE_CORRECTION', ...at('2026-03-05') })!.state;
    expect(requestFacts(corrected.context)).toMatchObject({ accepted: true, correctionPending: false });
    expect(requestFacts(consulting.context).consultationOpen).toBe(true);
    expect(requestFacts(reviewed.context)).toMatchObject({ replyDrafted: true, replyReviewed: true, closed: false });
    expect(requestFacts(closed.context).closed).toBe(true);
  });
});
