/** Fixtures for the seat tests: a flow with a 会签 (all) step and a 或签 (any) sign-off. */
import { expect } from 'vitest';
import type { WorkflowDefinition } from './definition';
import { applyReviewEvent, startReview } from './engine';
import { facts, submit, users } from './review-test-helpers';
import type { Actor, PersistedReview, ReviewEvent } from './review-types';

export const jointReview: WorkflowDefinition = {
  key: 'joint-review',
  version: 1,
  name: { zh: '会签审查', en: 'Joint review' },
  steps: [
    { id: 'draft', kind: 'fill', role: 'drafter', label: { zh: '起草', en: 'Draft' } },
    {
      id: 'joint_review',
      kind: 'countersign',
      role: 'legal',
      signers: [{ role: 'legal' }, { role: 'secrecy' }],
      label: { zh: '法规科、办公室会签', en: 'Legal and secrecy countersign' },
    },
    {
      id: 'leader_signoff',
      kind: 'signoff',
      role: 'leader',
      signers: [{ role: 'leader' }, { userId: 'u-director' }],
      mode: 'any',
      returnTargets: ['draft', 'joint_review'],
      label: { zh: '领导或签', en: 'Leader sign-off (any)' },
    },
    { id: 'publication', kind: 'publication', role: 'publisher', label: { zh: '发布', en: 'Publication' } },
    { id: 'published', kind: 'end', role: 'publisher', label: { zh: '已发布', en: 'Published' } },
    { id: 'concluded', kind: 'end', label: { zh: '审结', en: 'Concluded' } },
    { id: 'rejected', kind: 'end', label: { zh: '不予通过', en: 'Rejected' } },
    { id: 'withdrawn', kind: 'end', label: { zh: '已撤稿', en: 'Withdrawn' } },
  ],
};

export const people = {
  ...users,
  legal2: { id: 'u-legal2', roles: ['legal'] },
  /** Named personally in the sign-off; holds no role of their own. */
  director: { id: 'u-director', roles: [] },
  /** An expert from another section, added as a signer (加签). */
  expert: { id: 'u-expert', roles: [] },
} satisfies Record<string, Actor>;

/** Applies events to the joint-review flow, failing the test on any refusal. */
export function runJoint(state: PersistedReview, events: ReviewEvent[]): PersistedReview {
  return events.reduce((current, event) => {
    const result = applyReviewEvent(jointReview, current, event);
    if (!result.ok) expect.fail(`${event.type} by ${event.actor.id} at ${current.value} refused: ${result.refusal}`);
    return result.state;
  }, state);
}

export const plainFacts = facts();

/** A document submitted into the countersign step. */
export const atJoint = () => runJoint(startReview(jointReview, plainFacts), [submit(plainFacts)]);

/** Expects a refusal and that nothing changed. */
export function expectRefusedAt(state: PersistedReview, event: ReviewEvent, refusal: string): void {
  const before = JSON.stringify(state);
  expect(applyReviewEvent(jointReview, state, event)).toEqual({ ok: false, refusal });
  expect(JSON.stringify(state)).toBe(before);
}
