import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from './definition';
import { applyReviewEvent, startReview } from './engine';
import { planMigration } from './migration-plan';
import { releaseReviewDefinition as v1 } from './release-review.definition';
import { approve, facts, submit, users } from './review-test-helpers';
import type { PersistedReview, ReviewEvent } from './review-types';

/** Version 2: the statistics review is gone, secrecy review is renamed and becomes a 会签. */
const v2: WorkflowDefinition = {
  ...v1,
  version: 2,
  steps: v1.steps
    .filter((s) => s.id !== 'stats_review')
    .map((s) => (s.id === 'secrecy_review' ? { ...s, id: 'joint_secrecy', kind: 'countersign' as const, signers: [{ role: 'secrecy' as const }, { role: 'legal' as const }] } : s))
    .map((s) => (s.returnTargets ? { ...s, returnTargets: s.returnTargets.filter((t) => t !== 'stats_review' && t !== 'secrecy_review') } : s)),
};

function drive(events: ReviewEvent[], overrides = {}): PersistedReview {
  let state = startReview(v1, facts(overrides));
  for (const e of [submit(facts(overrides)), ...events]) {
    const r = applyReviewEvent(v1, state, e);
    if (!r.ok) throw new Error(r.refusal);
    state = r.state;
  }
  return state;
}

describe('planMigration', () => {
  const atSecrecy = drive([approve(users.legal)]);

  it('moves a document to the mapped step, keeping the approvals before it under their new ids', () => {
    const plan = planMigration(v1, v2, atSecrecy, { secrecy_review: 'joint_secrecy' });
    expect(plan.ok && plan.toStep).toBe('joint_secrecy');
    expect(plan.ok && plan.state.context.acted).toEqual([{ stepId: 'legality_review', seatId: 'legality_review#0', userId: users.legal.id }]);
    expect(plan.ok && plan.state.context.round).toBe(1);
  });

  it('keeps a step that exists in both versions without a mapping', () => {
    const atLegality = drive([]);
    expect(planMigration(v1, v2, atLegality, {})).toMatchObject({ ok: true, toStep: 'legality_review' });
  });

  it.each<[string, PersistedReview, Record<string, string>, string]>([
    ['a step the new version lacks, unmapped', drive([], { hasStatistics: true }), {}, 'unmapped'],
    ['a target that is no step', atSecrecy, { secrecy_review: 'nowhere' }, 'unknown_target'],
    ['a target that is an end state', atSecrecy, { secrecy_review: 'published' }, 'unknown_target'],
    ['a target whose condition does not hold', atSecrecy, { secrecy_review: 'committee_decision' }, 'not_applicable'],
    ['a target past reviews not yet done', atSecrecy, { secrecy_review: 'leader_signoff' }, 'reviews_missing'],
    ['a publication step before sign-off', atSecrecy, { secrecy_review: 'publication' }, 'reviews_missing'],
    ['a document that has ended', drive([approve(users.legal), approve(users.secrecy), { type: 'REJECT', actor: users.leader }]), {}, 'not_in_flight'],
  ])('refuses %s', (_name, state, mapping, code) => {
    const plan = planMigration(v1, v2, state, mapping);
    expect(plan.ok ? 'ok' : plan.code).toBe(code);
    if (!plan.ok) expect(plan.reason.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets a signed-off document move to publication', () => {
    const signed = drive([approve(users.legal), approve(users.secrecy), approve(users.leader)]);
    expect(planMigration(v1, v2, signed, { secrecy_review: 'joint_secrecy' })).toMatchObject({ ok: true, toStep: 'filing' });
  });
});
