/**
 * The joint-review flow explored with transfers and added signers: every reachable state can
 * still finish, and availableEvents agrees with applyReviewEvent everywhere, TRANSFER and
 * ADD_SIGNER included.
 */
import { describe, expect, it } from 'vitest';
import { expectAvailableMatchesApply, explore, handOnEvents, persisted, statesReachingAnEnd, type Snapshot } from './graph-test-helpers';
import { ROLES } from './roles';
import type { Actor, ReviewEvent } from './review-types';
import { jointReview, people, plainFacts } from './seat-test-helpers';

const reviewers: Actor[] = [people.legal, people.legal2, people.secrecy, people.leader, people.leader2, people.director, people.expert];
const pool: Actor[] = [people.drafter, ...reviewers, people.publisher];
const colleague: Actor = { id: 'u-colleague', roles: ROLES };
// Seat changes compound quickly: one per visit of a step already reaches every kind
// (transfer, add before, add after, at the 会签 and at the 或签) and keeps the walk short.
const MAX_SEAT_CHANGES = 1;

/** Every event a person could send, for checking availableEvents against applyReviewEvent. */
function everyEvent(actor: Actor): ReviewEvent[] {
  return [
    { type: 'SUBMIT', actor, facts: plainFacts },
    ...['draft', 'joint_review', 'leader_signoff', 'publication'].map((target): ReviewEvent => ({ type: 'RETURN', actor, target })),
    ...(['APPROVE', 'REJECT', 'RECALL', 'PUBLISH', 'WITHDRAW_PUBLICATION'] as const).map((type): ReviewEvent => ({ type, actor })),
    ...handOnEvents(actor, colleague),
  ];
}

/**
 * The walk sends each person only what their part allows, since refused events add no
 * state; hand-ons go to people who can then act (legal2, leader2) or be added (expert, director).
 */
function walkEvents(s: Snapshot): ReviewEvent[] {
  const handOns = (s.context.seatChanges?.length ?? 0) < MAX_SEAT_CHANGES;
  return [
    { type: 'SUBMIT', actor: people.drafter, facts: plainFacts },
    { type: 'RECALL', actor: people.drafter },
    ...reviewers.flatMap((actor): ReviewEvent[] => [
      { type: 'APPROVE', actor },
      { type: 'RETURN', actor, target: 'draft' },
      { type: 'RETURN', actor, target: 'joint_review' },
      { type: 'REJECT', actor },
      ...(handOns ? seatEvents(actor) : []),
    ]),
    { type: 'PUBLISH', actor: people.publisher },
    { type: 'RETURN', actor: people.publisher, target: 'draft' },
    { type: 'WITHDRAW_PUBLICATION', actor: people.publisher },
  ];
}

function seatEvents(actor: Actor): ReviewEvent[] {
  return [
    ...[people.legal2, people.leader2].map((to): ReviewEvent => ({ type: 'TRANSFER', actor, toUserId: to.id, toRoles: to.roles })),
    ...[people.expert, people.director].flatMap((to) =>
      (['before', 'after'] as const).map((position): ReviewEvent => ({ type: 'ADD_SIGNER', actor, userId: to.id, position })),
    ),
  ];
}

describe('the joint-review graph with transfers and added signers', () => {
  const { adjacency } = explore(jointReview, plainFacts, walkEvents);
  const states = Object.values(adjacency).map((entry) => persisted(entry.state));

  it('reaches a final state from every reachable state', () => {
    const changes = states.flatMap((s) => s.context.seatChanges ?? []).map((c) => `${c.stepId}:${c.type}:${'position' in c ? c.position : ''}`);
    expect(new Set(changes)).toEqual(
      new Set(['joint_review:transfer:', 'joint_review:add:before', 'joint_review:add:after', 'leader_signoff:transfer:', 'leader_signoff:add:before', 'leader_signoff:add:after']),
    );
    expect(statesReachingAnEnd(jointReview, adjacency).size).toBe(states.length);
  });

  it('offers in availableEvents exactly the events applyReviewEvent accepts', () => {
    for (const state of states) expectAvailableMatchesApply(jointReview, state, pool, everyEvent);
  }, 20_000);
});
