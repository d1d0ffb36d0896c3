/**
 * The joint-review flow explored with transfers and added signers: every reachable state can
 * still finish, and availableEvents agrees with applyReviewEvent everywhere.
 */
import { describe, expect, it } from 'vitest';
import { expectAvailableMatchesApply, explore, handOnEvents, persisted, statesReachingAnEnd, type Snapshot } from './graph-test-helpers';
import { ROLES } from './roles';
import { facts } from './review-test-helpers';
import type { Actor, DocumentFacts, ReviewEvent } from './review-types';
import { jointReview, people } from './seat-test-helpers';

const pool: Actor[] = [people.drafter, people.legal, people.legal2, people.secrecy, people.leader, people.director, people.expert, people.publisher];
const colleague: Actor = { id: 'u-colleague', roles: ROLES };
const targets = ['draft', 'joint_review', 'leader_signoff', 'publication'];
// Seat changes compound quickly; two per visit reach every kind of combination
// (transfer then add, add then transfer, before and after) and keep the walk to a second.
const MAX_SEAT_CHANGES = 1;

function plainEvents(actor: Actor, input: DocumentFacts): ReviewEvent[] {
  return [
    { type: 'SUBMIT', actor, facts: input },
    ...targets.map((target): ReviewEvent => ({ type: 'RETURN', actor, target })),
    ...(['APPROVE', 'REJECT', 'RECALL', 'PUBLISH', 'WITHDRAW_PUBLICATION'] as const).map((type): ReviewEvent => ({ type, actor })),
  ];
}

/** Hands seats on and adds signers among the pool itself, so refusals and chains occur. */
function seatEvents(actor: Actor): ReviewEvent[] {
  return [people.legal2, people.director, people.expert].flatMap((to): ReviewEvent[] => [
    { type: 'TRANSFER', actor, toUserId: to.id, toRoles: to === people.director ? ['leader'] : to.roles },
    { type: 'ADD_SIGNER', actor, userId: to.id, position: 'before' },
    { type: 'ADD_SIGNER', actor, userId: to.id, position: 'after' },
  ]);
}

function exploreJoint(input: DocumentFacts) {
  return explore(jointReview, input, (s: Snapshot) => {
    const bounded = (s.context.seatChanges?.length ?? 0) < MAX_SEAT_CHANGES;
    return pool.flatMap((actor) => [...plainEvents(actor, input), ...(bounded ? seatEvents(actor) : [])]);
  });
}

describe.each([
  ['open', facts()],
] as const)('the joint-review graph, %s', (_name, input) => {
  const { adjacency } = exploreJoint(input);
  const states = Object.values(adjacency).map((entry) => persisted(entry.state));

  it('reaches a final state from every reachable state', () => {
    expect(states.some((s) => (s.context.seatChanges?.length ?? 0) === MAX_SEAT_CHANGES)).toBe(true);
    expect(statesReachingAnEnd(jointReview, adjacency).size).toBe(states.length);
  });

  it('offers in availableEvents exactly the events applyReviewEvent accepts, TRANSFER and ADD_SIGNER included', () => {
    for (const state of states) {
      expectAvailableMatchesApply(jointReview, state, pool, (actor) => [...plainEvents(actor, input), ...handOnEvents(actor, colleague)]);
    }
  });
});
