import { describe, expect, it } from 'vitest';
import { compileDefinition } from '../any-definition';
import { releaseReviewDefinition } from '../release-review.definition';
import { validateDefinition } from '../validate-definition';
import { compileRequestFlow } from './compile-request-flow';
import { nextDeadline } from './request-clocks';
import { startRequest, stepRequest } from './request-engine';
import { requestFlowDefinition } from './request-flow.definition';
import { withLeaderSignoff } from './request-flow-samples';
import { calendar, clerk, clerk2, head } from './request-test-helpers';
import { REQUEST_STATES } from './request-types';

describe('the shipped request flow as a definition', () => {
  it('is valid, and release review still is', () => {
    expect(validateDefinition(requestFlowDefinition)).toEqual([]);
    expect(validateDefinition(releaseReviewDefinition)).toEqual([]);
  });

  it('compiles to a machine whose states are the request states', () => {
    const machine = compileRequestFlow(requestFlowDefinition, calendar);
    expect(Object.keys(machine.root.states)).toEqual([...REQUEST_STATES]);
    expect(machine.id).toBe('info-request-v1');
  });

  it('goes through the same compile step as release review', () => {
    expect(compileDefinition(requestFlowDefinition, { calendar })).toBe(compileRequestFlow(requestFlowDefinition, calendar));
    expect(compileDefinition(releaseReviewDefinition, { calendar }).id).toBe('release-review-v1');
  });

  it('uses named guards and actions of the registry in the compiled machine', () => {
    const machine = compileRequestFlow(requestFlowDefinition, calendar);
    const correction = machine.root.states.registered!.on.REQUEST_CORRECTION![0]!;
    // and([...]) keeps its named parts: the order is inOrder, the event's checks, the definition's conditions.
    expect((correction.guard as unknown as { guards: { type: string }[] }).guards.map((g) => g.type)).toEqual(['inOrder', 'correctionAllowed']);
    expect(correction.actions.map((a) => (typeof a === 'string' ? a : (a as { type?: string }).type))).toEqual(['recordCorrectionAsked']);
  });

  it('compiles another database’s definition under the same key and version to its own machine, and keeps both', () => {
    const shipped = compileRequestFlow(requestFlowDefinition, calendar);
    const other = compileRequestFlow({ ...requestFlowDefinition, name: { zh: '改', en: 'changed' } }, calendar);
    expect(other).not.toBe(shipped);
    expect(compileRequestFlow({ ...requestFlowDefinition }, calendar)).toBe(shipped);
  });

  it('shows each step’s named deadline, as the shipped steps say', () => {
    const events = startRequest(calendar, '2026-03-02').context.clock;
    for (const step of requestFlowDefinition.steps) {
      const next = nextDeadline(step.id, events, calendar, '2026-03-02', requestFlowDefinition.steps);
      expect(nextDeadline(step.id, events, calendar, '2026-03-02')).toEqual(next);
    }
    expect(nextDeadline('registered', events, calendar, '2026-03-02', requestFlowDefinition.steps)?.kind).toBe('correction_notice');
  });
});

describe('an edited request flow (leader sign-off of the reply)', () => {
  const v2 = { ...withLeaderSignoff(), version: 2 };
  const at = (date: string) => ({ date, actor: clerk });

  it('is valid and needs the head before the letter is sent', () => {
    expect(validateDefinition(v2)).toEqual([]);
    let state = startRequest(calendar, '2026-03-02', v2);
    for (const e of [
      { type: 'ACCEPT', ...at('2026-03-03') },
      { type: 'DRAFT_REPLY', result: 'disclose', subReason: null, ...at('2026-03-04') },
      { type: 'REVIEW_REPLY', date: '2026-03-05', actor: clerk2 },
    ] as const) state = stepRequest(calendar, state, e, v2)!.state;
    expect(state.value).toBe('reply_reviewed');
    expect(stepRequest(calendar, state, { type: 'SEND_REPLY', ...at('2026-03-06') }, v2)).toBeNull();
    // The step's role is the condition: a second clerk cannot sign.
    expect(stepRequest(calendar, state, { type: 'REVIEW_REPLY', date: '2026-03-06', actor: { id: 'clerk3', roles: ['publisher'] } }, v2)).toBeNull();
    state = stepRequest(calendar, state, { type: 'REVIEW_REPLY', date: '2026-03-06', actor: head }, v2)!.state;
    expect(state.value).toBe('reply_signed');
    expect(stepRequest(calendar, state, { type: 'SEND_REPLY', ...at('2026-03-09') }, v2)?.state.value).toBe('closed');
  });
});
