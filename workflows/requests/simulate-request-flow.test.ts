import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { requestFlowDefinition } from './request-flow.definition';
import { withLeaderSignoff } from './request-flow-samples';
import { offeredEvents, simulateRequestFlow } from './simulate-request-flow';

const path = (r: ReturnType<typeof simulateRequestFlow>) => r.visits.map((v) => v.stepId);

describe('simulating the request flow', () => {
  it('walks the plain path with stand-in people and dates', () => {
    const r = simulateRequestFlow(requestFlowDefinition, ['ACCEPT', 'DRAFT_REPLY', 'REVIEW_REPLY', 'SEND_REPLY']);
    expect(r.stopped).toBeUndefined();
    expect(path(r)).toEqual(['registered', 'accepted', 'reply_drafted', 'reply_reviewed', 'closed']);
    expect(r.visits.at(-1)!.state.context.outcome).toMatchObject({ result: 'disclose' });
  });

  it('lets a lapse happen (dated after the limit) and an extension be approved by the head', () => {
    const lapsed = simulateRequestFlow(requestFlowDefinition, ['REQUEST_CORRECTION', 'CLOSE_UNCORRECTED']);
    expect(path(lapsed)).toEqual(['registered', 'awaiting_correction', 'closed']);
    expect(lapsed.visits.at(-1)!.state.context.outcome).toMatchObject({ subReason: 'no_correction_in_time' });
    const extended = simulateRequestFlow(requestFlowDefinition, ['ACCEPT', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION']);
    expect(extended.stopped).toBeUndefined();
    expect(extended.visits.at(-1)!.state.context.extension).toMatchObject({ approvedBy: 'sim-head' });
  });

  it('stops at an event the step does not offer, or that its checks refuse', () => {
    expect(simulateRequestFlow(requestFlowDefinition, ['SEND_REPLY']).stopped).toMatchObject({ index: 0, reason: { zh: '当前步骤不接受该操作' } });
    expect(simulateRequestFlow(requestFlowDefinition, ['ACCEPT', 'NOTIFY_FEE', 'RECORD_FEE_PAID', 'NOTIFY_FEE']).stopped).toMatchObject({ index: 3, reason: { zh: '该操作未通过本步骤的检查' } });
  });

  it('runs a draft sharing key and version with the stored flow, with conditions forced', () => {
    const draft = withLeaderSignoff();
    const events = ['ACCEPT', 'DRAFT_REPLY', 'REVIEW_REPLY', 'REVIEW_REPLY', 'SEND_REPLY'] as const;
    expect(path(simulateRequestFlow(draft, events))).toEqual(['registered', 'accepted', 'reply_drafted', 'reply_reviewed', 'reply_signed', 'closed']);
    expect(simulateRequestFlow(draft, events, { guards: { holdsStepRole: false } }).stopped).toMatchObject({ index: 3 });
    expect(offeredEvents(draft, 'reply_reviewed')).toEqual(['DRAFT_REPLY', 'REVIEW_REPLY']);
  });

  it('reports an incomplete draft instead of throwing', () => {
    expect(simulateRequestFlow({ ...requestFlowDefinition, steps: [] }, ['ACCEPT']).stopped?.reason.zh).toBe('流程定义不完整，无法模拟');
    // The release-review simulator is not fooled into running a request flow.
    expect(simulate(requestFlowDefinition, { attribute: 'open' }, ['approve']).stopped?.reason.zh).toBe('流程定义不完整，无法模拟');
  });
});
