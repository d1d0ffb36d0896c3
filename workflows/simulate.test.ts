import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from './definition';
import { createRegistry, registerGuard } from './registry';
import { releaseReviewDefinition } from './release-review.definition';
import { jointReview } from './seat-test-helpers';
import { simulate } from './simulate';

const steps = (r: ReturnType<typeof simulate>) => r.visits.map((v) => v.stepId);

describe('simulate', () => {
  it('runs an open document with statistics from draft to published', () => {
    const r = simulate(releaseReviewDefinition, { attribute: 'open', facts: { hasStatistics: true } }, Array(7).fill('approve'));
    expect(r.stopped).toBeUndefined();
    expect(steps(r)).toEqual(['draft', 'stats_review', 'legality_review', 'secrecy_review', 'leader_signoff', 'filing', 'publication', 'published']);
    expect(r.visits.map((v) => v.status)).toEqual(['draft', 'in_review', 'in_review', 'in_review', 'in_review', 'awaiting_publication', 'awaiting_publication', 'published']);
    expect(r.visits[1]!.state.context.round).toBe(1);
  });

  it('follows the conditions: a major, non-public matter goes to the committee and ends concluded', () => {
    const r = simulate(releaseReviewDefinition, { attribute: 'non_public', facts: { isMajorMatter: true } }, Array(5).fill('approve'));
    expect(steps(r)).toEqual(['draft', 'legality_review', 'secrecy_review', 'leader_signoff', 'committee_decision', 'concluded']);
  });

  it('returns to an earlier step and to the draft, which starts a new round', () => {
    const r = simulate(releaseReviewDefinition, { attribute: 'open' }, ['approve', 'approve', 'return:legality_review', 'approve', 'return:draft', 'approve']);
    expect(steps(r)).toEqual(['draft', 'legality_review', 'secrecy_review', 'legality_review', 'secrecy_review', 'draft', 'legality_review']);
    expect(r.visits.at(-1)!.state.context.round).toBe(2);
    expect(r.visits[5]!.status).toBe('returned');
  });

  it('rejects at the leader sign-off', () => {
    const r = simulate(releaseReviewDefinition, { attribute: 'open' }, ['approve', 'approve', 'approve', 'reject']);
    expect(steps(r).at(-1)).toBe('rejected');
  });

  it('stops with a reason at an event the step does not accept, keeping the visits so far', () => {
    const r = simulate(releaseReviewDefinition, { attribute: 'open' }, ['approve', 'reject', 'approve']);
    expect(steps(r)).toEqual(['draft', 'legality_review']);
    expect(r.stopped).toEqual({ index: 1, event: 'reject', reason: { zh: '当前步骤不接受该操作', en: 'the current step does not accept this' } });
    const badTarget = simulate(releaseReviewDefinition, { attribute: 'open' }, ['approve', 'approve', 'return:publication']);
    expect(badTarget.stopped?.reason.zh).toBe('不能退回到该步骤');
  });

  it('completes a 会签 with one approve, by every seat', () => {
    const r = simulate(jointReview, { attribute: 'open' }, ['approve', 'approve', 'approve', 'approve']);
    expect(steps(r)).toEqual(['draft', 'joint_review', 'leader_signoff', 'publication', 'published']);
    expect(r.visits[2]!.state.context.acted.map((a) => a.seatId)).toEqual(['joint_review#0', 'joint_review#1']);
  });

  it('forces plugin guards and leaves the given registry untouched', () => {
    const registry = createRegistry();
    registerGuard('isBudget', () => false, registry);
    const def: WorkflowDefinition = JSON.parse(JSON.stringify(releaseReviewDefinition));
    def.key = 'budget-sim';
    def.steps[1]!.when = { guard: 'isBudget' };
    expect(steps(simulate(def, { attribute: 'open', guards: { isBudget: true } }, ['approve'], registry))).toEqual(['draft', 'stats_review']);
    expect(steps(simulate(def, { attribute: 'open' }, ['approve'], registry))).toEqual(['draft', 'legality_review']);
    expect(registry.guards.get('isBudget')!({} as never, undefined, {} as never)).toBe(false);
  });

  it('simulates a draft that shares key and version with a stored one but differs', () => {
    const edited: WorkflowDefinition = JSON.parse(JSON.stringify(releaseReviewDefinition));
    edited.steps[2]!.label.zh = '合法性审核';
    expect(steps(simulate(edited, { attribute: 'open' }, ['approve']))).toEqual(['draft', 'legality_review']);
  });

  it('reports an invalid definition instead of throwing', () => {
    expect(simulate({ key: 'x' }, { attribute: 'open' }, ['approve']).stopped?.reason.zh).toBe('流程定义不完整，无法模拟');
  });
});
