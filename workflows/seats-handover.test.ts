import { describe, expect, it } from 'vitest';
import { applyReviewEvent, availableEvents } from './engine';
import { approve, sendBack, submit } from './review-test-helpers';
import type { Actor, AddPosition, PersistedReview, ReviewEvent } from './review-types';
import { openSeats, seatProgress } from './seat-view';
import { atJoint, expectRefusedAt, jointReview, people, plainFacts, runJoint } from './seat-test-helpers';

const transfer = (actor: Actor, to: Actor, seatId?: string): ReviewEvent => ({ type: 'TRANSFER', actor, toUserId: to.id, toRoles: to.roles, ...(seatId ? { seatId } : {}) });
const addSigner = (actor: Actor, who: Actor, position: AddPosition): ReviewEvent => ({ type: 'ADD_SIGNER', actor, userId: who.id, position });
const seatsOf = (state: PersistedReview) => openSeats(jointReview, state).map((s) => `${s.id}:${s.userId ?? s.role}${s.blockedBy ? `>${s.blockedBy}` : ''}`);
const atSignoff = () => runJoint(atJoint(), [approve(people.legal), approve(people.secrecy)]);
const REVIEWER_EVENTS = ['APPROVE', 'RETURN', 'TRANSFER', 'ADD_SIGNER'];

describe('转办: transferring a seat to a colleague', () => {
  it('assigns the seat to the colleague personally, changing nothing else', () => {
    const before = atJoint();
    const moved = applyReviewEvent(jointReview, before, transfer(people.legal, people.legal2));
    expect(moved).toMatchObject({ ok: true, effects: ['notifyAssignees'], state: { value: 'joint_review' } });
    if (!moved.ok) return;
    expect(seatsOf(moved.state)).toEqual(['joint_review#0:u-legal2', 'joint_review#1:secrecy']);
    expect(moved.state.context.acted).toEqual([]);
    expect(moved.state.context.seatChanges).toEqual([
      { type: 'transfer', stepId: 'joint_review', seatId: 'joint_review#0', toUserId: 'u-legal2', byUserId: 'u-legal' },
    ]);
    // A transfer is no verdict on the text: the drafter may still recall.
    expect(availableEvents(jointReview, moved.state, people.drafter)).toEqual(['RECALL']);
  });

  it('lets only the colleague act on the seat afterwards', () => {
    const moved = runJoint(atJoint(), [transfer(people.legal, people.legal2)]);
    expect(availableEvents(jointReview, moved, people.legal)).toEqual([]);
    expectRefusedAt(moved, approve(people.legal), 'not_assignee');
    expect(availableEvents(jointReview, moved, people.legal2)).toEqual(REVIEWER_EVENTS);
    expect(runJoint(moved, [approve(people.legal2), approve(people.secrecy)]).value).toBe('leader_signoff');
  });

  it('refuses the drafter, someone who already acted, someone without the role, and oneself', () => {
    const drafterWithRole = { ...people.drafter, roles: ['drafter', 'legal'] } as const;
    expectRefusedAt(atJoint(), transfer(people.legal, drafterWithRole), 'own_document');
    const both = { id: 'u-both', roles: ['legal', 'secrecy'] } as const;
    expectRefusedAt(runJoint(atJoint(), [approve(both)]), transfer(people.secrecy, both), 'already_acted');
    expectRefusedAt(atJoint(), transfer(people.legal, people.secrecy), 'invalid_assignee');
    expectRefusedAt(atJoint(), transfer(people.legal, people.legal), 'invalid_assignee');
  });

  it('refuses an actor who could not act on the seat now', () => {
    expectRefusedAt(atJoint(), transfer(people.secrecy, people.legal2, 'joint_review#0'), 'not_assignee');
    expectRefusedAt(atJoint(), transfer(people.leader, people.legal2), 'not_assignee');
    const approved = runJoint(atJoint(), [approve(people.legal)]);
    expectRefusedAt(approved, transfer(people.legal, people.legal2), 'already_acted');
  });

  it('hands a named seat to a holder of the step’s role only', () => {
    const moved = runJoint(atSignoff(), [transfer(people.director, people.leader2)]);
    expect(seatsOf(moved)).toEqual(['leader_signoff#0:leader', 'leader_signoff#1:u-leader2']);
    expect(runJoint(moved, [approve(people.leader2)]).value).toBe('publication');
    expectRefusedAt(atSignoff(), transfer(people.director, people.expert), 'invalid_assignee');
  });

  it('never gives one person two seats of their own at a step', () => {
    // The director already holds a named seat; a second could never be approved.
    const director = { ...people.director, roles: ['leader'] } as const;
    expectRefusedAt(atSignoff(), transfer(people.leader, director), 'invalid_assignee');
  });
});

describe('加签 before: the added person approves first', () => {
  const added = () => runJoint(atJoint(), [addSigner(people.legal, people.expert, 'before')]);

  it('adds a seat and blocks the actor’s seat, which comes back to them personally', () => {
    const result = applyReviewEvent(jointReview, atJoint(), addSigner(people.legal, people.expert, 'before'));
    expect(result).toMatchObject({ ok: true, effects: ['notifyAssignees'], state: { value: 'joint_review' } });
    if (!result.ok) return;
    expect(seatsOf(result.state)).toEqual(['joint_review#0:u-legal>joint_review#2', 'joint_review#1:secrecy', 'joint_review#2:u-expert']);
    expect(openSeats(jointReview, result.state)[2]).toMatchObject({ role: null, added: { by: 'u-legal', position: 'before' } });
    expect(result.state.context.acted).toEqual([]);
  });

  it('refuses the actor while blocked, then reopens their seat after the added approval', () => {
    const state = added();
    expectRefusedAt(state, approve(people.legal), 'seat_blocked');
    expectRefusedAt(state, sendBack(people.legal, 'draft'), 'seat_blocked');
    expect(availableEvents(jointReview, state, people.legal)).toEqual([]);
    // The seat is the actor's own now: another legality reviewer cannot take it.
    expectRefusedAt(state, approve(people.legal2), 'not_assignee');

    const reopened = applyReviewEvent(jointReview, state, approve(people.expert));
    expect(reopened).toMatchObject({ ok: true, effects: ['notifyAssignees'], state: { value: 'joint_review' } });
    if (!reopened.ok) return;
    expect(seatsOf(reopened.state)).toEqual(['joint_review#0:u-legal', 'joint_review#1:secrecy']);
    expect(availableEvents(jointReview, reopened.state, people.legal)).toEqual(REVIEWER_EVENTS);
    expect(runJoint(reopened.state, [approve(people.legal), approve(people.secrecy)]).value).toBe('leader_signoff');
  });

  it('shows the added seat in the progress until the step completes', () => {
    const progress = seatProgress(jointReview, runJoint(added(), [approve(people.expert)]));
    expect(progress.map((p) => [p.seatId, p.approvedBy, p.added?.position ?? null])).toEqual([
      ['joint_review#0', null, null],
      ['joint_review#1', null, null],
      ['joint_review#2', 'u-expert', 'before'],
    ]);
    expect(progress[2]!.label).toEqual({ zh: 'u-expert', en: 'u-expert' });
  });

  it('lets the added person return the whole document; the added seat goes with the visit', () => {
    const returned = runJoint(added(), [sendBack(people.expert, 'draft')]);
    expect(returned.value).toBe('draft');
    expect(returned.context.seatChanges).toEqual([]);
    expect(seatsOf(runJoint(returned, [submit(plainFacts)]))).toEqual(['joint_review#0:legal', 'joint_review#1:secrecy']);
  });
});

describe('加签 after: the actor approves now, the added person later', () => {
  it('records the actor’s approval and completes the step only after the added person', () => {
    const result = applyReviewEvent(jointReview, atJoint(), addSigner(people.legal, people.expert, 'after'));
    expect(result).toMatchObject({ ok: true, effects: ['notifyAssignees'], state: { value: 'joint_review' } });
    if (!result.ok) return;
    expect(result.state.context.acted).toEqual([{ stepId: 'joint_review', seatId: 'joint_review#0', userId: 'u-legal' }]);
    expect(seatsOf(result.state)).toEqual(['joint_review#1:secrecy', 'joint_review#2:u-expert']);
    const secrecyDone = runJoint(result.state, [approve(people.secrecy)]);
    expect(secrecyDone.value).toBe('joint_review');
    expect(runJoint(secrecyDone, [approve(people.expert)]).value).toBe('leader_signoff');
  });

  it('in mode any, waits for the added person unless another seat approves', () => {
    const added = runJoint(atSignoff(), [addSigner(people.leader, people.expert, 'after')]);
    expect(added.value).toBe('leader_signoff');
    expect(runJoint(added, [approve(people.expert)]).value).toBe('publication');
    expect(runJoint(added, [approve(people.director)]).value).toBe('publication');
  });

  it('refuses the drafter, someone who already acted, oneself, and someone holding a seat here', () => {
    expectRefusedAt(atJoint(), addSigner(people.legal, people.drafter, 'after'), 'own_document');
    const secrecyDone = runJoint(atJoint(), [approve(people.secrecy)]);
    expectRefusedAt(secrecyDone, addSigner(people.legal, people.secrecy, 'before'), 'already_acted');
    expectRefusedAt(atJoint(), addSigner(people.legal, people.legal, 'after'), 'invalid_assignee');
    const withExpert = runJoint(atJoint(), [addSigner(people.legal, people.expert, 'after')]);
    expectRefusedAt(withExpert, addSigner(people.secrecy, people.expert, 'after'), 'invalid_assignee');
    expectRefusedAt(atSignoff(), addSigner(people.leader, people.director, 'before'), 'invalid_assignee');
  });
});
