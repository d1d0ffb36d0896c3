import { describe, expect, it } from 'vitest';
import { applyReviewEvent, availableEvents, reviewStatus, startReview } from './engine';
import { approve, def, facts, run, sendBack, submit } from './review-test-helpers';
import type { PersistedReview } from './review-types';
import { openSeats, seatProgress } from './seat-view';
import { atJoint, expectRefusedAt, jointReview, people, plainFacts, runJoint } from './seat-test-helpers';

const seatIds = (state: PersistedReview) => openSeats(jointReview, state).map((s) => s.id);
const atSignoff = () => runJoint(atJoint(), [approve(people.legal), approve(people.secrecy)]);

describe('会签: a countersign step in mode all', () => {
  it('opens one seat per signer', () => {
    expect(openSeats(jointReview, atJoint())).toEqual([
      { id: 'joint_review#0', stepId: 'joint_review', role: 'legal', userId: null, blockedBy: null },
      { id: 'joint_review#1', stepId: 'joint_review', role: 'secrecy', userId: null, blockedBy: null },
    ]);
  });

  it.each([
    ['legal first', [people.legal, people.secrecy]],
    ['secrecy first', [people.secrecy, people.legal]],
  ])('completes only when every seat approved, in any order: %s', (_name, [first, second]) => {
    const half = applyReviewEvent(jointReview, atJoint(), approve(first!));
    // A partial approval is no arrival anywhere: nobody new is notified.
    expect(half).toMatchObject({ ok: true, effects: [], state: { value: 'joint_review' } });
    if (!half.ok) return;
    expect(reviewStatus(half.state, jointReview)).toBe('in_review');
    expect(seatIds(half.state)).toHaveLength(1);
    expect(availableEvents(jointReview, half.state, first!)).toEqual([]);

    const done = applyReviewEvent(jointReview, half.state, approve(second!));
    expect(done).toMatchObject({ ok: true, effects: ['notifyAssignees'], state: { value: 'leader_signoff' } });
  });

  it('reports who approved which seat', () => {
    const half = runJoint(atJoint(), [{ type: 'APPROVE', actor: people.secrecy, seatId: 'joint_review#1' }]);
    expect(seatProgress(jointReview, half)).toEqual([
      { seatId: 'joint_review#0', label: { zh: '合法性审查', en: 'Legality reviewer' }, role: 'legal', userId: null, approvedBy: null },
      { seatId: 'joint_review#1', label: { zh: '保密审查', en: 'Secrecy reviewer' }, role: 'secrecy', userId: null, approvedBy: people.secrecy.id },
    ]);
    expect(half.context.acted).toEqual([{ stepId: 'joint_review', seatId: 'joint_review#1', userId: people.secrecy.id }]);
  });

  it('never lets one person fill two seats', () => {
    const both = { id: 'u-both', roles: ['legal', 'secrecy'] } as const;
    const half = runJoint(atJoint(), [approve(both)]);
    expectRefusedAt(half, approve(both), 'already_acted');
    expectRefusedAt(half, { type: 'APPROVE', actor: both, seatId: 'joint_review#1' }, 'already_acted');
    expect(runJoint(half, [approve(people.secrecy)]).value).toBe('leader_signoff');
  });

  it('refuses a seat the actor does not hold, and a seat already filled', () => {
    expectRefusedAt(atJoint(), { type: 'APPROVE', actor: people.legal, seatId: 'joint_review#1' }, 'not_assignee');
    expectRefusedAt(atJoint(), approve(people.leader), 'not_assignee');
    expectRefusedAt(atJoint(), approve(people.drafter), 'not_assignee');
    const half = runJoint(atJoint(), [approve(people.legal)]);
    // The other legality reviewer's stale task names a seat that is already filled.
    expectRefusedAt(half, { type: 'APPROVE', actor: people.legal2, seatId: 'joint_review#0' }, 'invalid_in_state');
    expectRefusedAt(half, { type: 'APPROVE', actor: people.secrecy, seatId: 'joint_review#9' }, 'invalid_in_state');
  });

  it('applies separation of duties to every seat', () => {
    const own = facts({ drafterId: people.allRounder.id });
    const state = runJoint(startReview(jointReview, own), [submit(own, people.allRounder)]);
    expectRefusedAt(state, approve(people.allRounder), 'own_document');
    expectRefusedAt(state, { type: 'APPROVE', actor: people.allRounder, seatId: 'joint_review#1' }, 'own_document');
  });

  it('returns the whole document from one seat, dropping the approvals of the visit', () => {
    const half = runJoint(atJoint(), [approve(people.legal)]);
    const returned = applyReviewEvent(jointReview, half, sendBack(people.secrecy, 'draft'));
    expect(returned).toMatchObject({ ok: true, effects: ['notifyDrafterReturned'], state: { value: 'draft' } });
    if (!returned.ok) return;
    expect(returned.state.context.acted).toEqual([]);
    expect(openSeats(jointReview, returned.state)).toEqual([]);
    // The legality reviewer who approved before the return may approve again next round.
    const again = runJoint(returned.state, [submit(plainFacts), approve(people.legal)]);
    expect(seatIds(again)).toEqual(['joint_review#1']);
  });

  it('lets the drafter recall only until the first seat approved', () => {
    expect(availableEvents(jointReview, atJoint(), people.drafter)).toEqual(['RECALL']);
    expectRefusedAt(runJoint(atJoint(), [approve(people.legal)]), { type: 'RECALL', actor: people.drafter }, 'already_acted');
  });
});

describe('或签: a sign-off in mode any', () => {
  it('completes with the first approval and closes the other seats', () => {
    const state = atSignoff();
    expect(openSeats(jointReview, state).map((s) => [s.role, s.userId])).toEqual([
      ['leader', null],
      [null, 'u-director'],
    ]);
    const signed = runJoint(state, [approve(people.director)]);
    expect(signed.value).toBe('publication');
    expect(openSeats(jointReview, signed).map((s) => s.id)).toEqual(['publication#0']);
    expect(runJoint(state, [approve(people.leader)]).value).toBe('publication');
  });

  it('labels a named seat with its user id, for the server to name', () => {
    expect(seatProgress(jointReview, atSignoff())[1]).toMatchObject({ seatId: 'leader_signoff#1', label: { zh: 'u-director' }, userId: 'u-director' });
  });

  it('lets any seat reject or return the document', () => {
    expect(applyReviewEvent(jointReview, atSignoff(), { type: 'REJECT', actor: people.director })).toMatchObject({ ok: true, state: { value: 'rejected' } });
    const back = applyReviewEvent(jointReview, atSignoff(), sendBack(people.leader, 'joint_review'));
    expect(back).toMatchObject({ ok: true, effects: ['notifyAssignees'], state: { value: 'joint_review' } });
    if (back.ok) expect(seatIds(back.state)).toEqual(['joint_review#0', 'joint_review#1']);
  });

  it('refuses the named seat to anyone else, whatever their roles', () => {
    expectRefusedAt(atSignoff(), { type: 'APPROVE', actor: people.leader, seatId: 'leader_signoff#1' }, 'not_assignee');
    expectRefusedAt(atSignoff(), approve(people.expert), 'not_assignee');
  });
});

describe('the default release-review flow', () => {
  it('has one role seat per working step and none at the draft or the end', () => {
    const f = facts();
    let state = startReview(def, f);
    expect(openSeats(def, state)).toEqual([]);
    state = run(state, [submit(f)]);
    expect(openSeats(def, state)).toEqual([{ id: 'legality_review#0', stepId: 'legality_review', role: 'legal', userId: null, blockedBy: null }]);
    state = run(state, [approve(people.legal), approve(people.secrecy), approve(people.leader), approve(people.publisher)]);
    expect(openSeats(def, state).map((s) => s.id)).toEqual(['publication#0']);
    state = run(state, [{ type: 'PUBLISH', actor: people.publisher, seatId: 'publication#0' }]);
    expect(openSeats(def, state)).toEqual([]);
    expect(seatProgress(def, state)).toEqual([]);
  });

  it('keeps its persisted shape: one approval per step, no seat changes', () => {
    const f = facts();
    const state = run(startReview(def, f), [submit(f), approve(people.legal)]);
    expect(state).toEqual({
      value: 'secrecy_review',
      context: { ...f, round: 1, acted: [{ stepId: 'legality_review', seatId: 'legality_review#0', userId: people.legal.id }], lastReturn: null, seatChanges: [] },
    });
  });

  it('reads snapshots stored before seats existed', () => {
    const f = facts();
    const legacy = run(startReview(def, f), [submit(f)]);
    delete legacy.context.seatChanges;
    expect(openSeats(def, legacy).map((s) => s.id)).toEqual(['legality_review#0']);
    expect(run(legacy, [approve(people.legal)]).value).toBe('secrecy_review');
  });
});

describe('persisted state with seats', () => {
  it('survives a JSON round trip through transfers, added signers and partial approvals', () => {
    let state = atJoint();
    const events = [
      { type: 'TRANSFER', actor: people.legal, toUserId: people.legal2.id, toRoles: people.legal2.roles },
      { type: 'ADD_SIGNER', actor: people.legal2, userId: people.expert.id, position: 'before' },
      approve(people.secrecy),
      approve(people.expert),
      { type: 'ADD_SIGNER', actor: people.legal2, userId: people.stats.id, position: 'after' },
      approve(people.stats),
      approve(people.director),
    ] as const;
    for (const event of events) {
      const restored = JSON.parse(JSON.stringify(state)) as PersistedReview;
      expect(restored).toEqual(state);
      const direct = applyReviewEvent(jointReview, state, event);
      expect(applyReviewEvent(jointReview, restored, event)).toEqual(direct);
      if (!direct.ok) expect.fail(`${event.type}: ${direct.refusal}`);
      state = direct.state;
    }
    expect(state.value).toBe('publication');
    expect(state.context.seatChanges).toEqual([]);
  });
});
