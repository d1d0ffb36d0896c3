/**
 * Shared machinery for the tests generated from a compiled machine: exploring every state a
 * pool of users can reach, walking back from the final states, and checking availableEvents
 * against applyReviewEvent.
 */
import { getAdjacencyMap, type AdjacencyMap, type AdjacencyValue } from '@xstate/graph';
import { expect } from 'vitest';
import type { EventFromLogic, SnapshotFrom } from 'xstate';
import { compileWorkflow, type ReviewMachine } from './compile';
import { stepById, type WorkflowDefinition } from './definition';
import { applyReviewEvent, availableEvents } from './engine';
import { REVIEW_EVENT_TYPES, type Actor, type DocumentFacts, type PersistedReview, type ReviewEvent } from './review-types';
import { seatBoard, stepSeating } from './seats';

export type Snapshot = SnapshotFrom<ReviewMachine>;
// The machine's own event type also holds XState's internal events, hence EventFromLogic.
export type Adjacency = AdjacencyMap<Snapshot, EventFromLogic<ReviewMachine>>;

const FINAL = new Set(['concluded', 'rejected', 'withdrawn']);

export const persisted = (s: Snapshot): PersistedReview => ({ value: String(s.value), context: s.context });

/**
 * Rounds grow without bound, so they are left out; guards read lastReturn only as present or
 * not, `acted` only as a set, and seat changes only through the seats they produce, so states
 * equal on the rest behave alike.
 */
export function serializerFor(def: WorkflowDefinition) {
  return (s: Snapshot): string => {
    const { round: _round, lastReturn, acted, seatChanges, ...facts } = s.context;
    const actedSet = acted.map((a) => `${a.stepId}:${a.seatId}:${a.userId}`).sort();
    // Without changes the seats follow from the definition and `acted`, already in the key.
    const step = seatChanges?.length ? stepById(def, String(s.value)) : undefined;
    const seats = step ? seatBoard(stepSeating(step), s.context).map(({ approvedBy: _a, ...seat }) => seat) : [];
    return JSON.stringify([s.value, facts, actedSet, lastReturn !== null, seats]);
  };
}

/** Every state reachable from a new document with these facts, under these events. */
export function explore(def: WorkflowDefinition, input: DocumentFacts, events: (s: Snapshot) => ReviewEvent[]) {
  const options = { input, events, serializeState: serializerFor(def), limit: 2_000_000 };
  return { options, adjacency: getAdjacencyMap(compileWorkflow(def), options) };
}

/** States from which some final state can be reached, by walking the edges backwards. */
export function statesReachingAnEnd(def: WorkflowDefinition, adjacency: Adjacency): Set<string> {
  const serialize = serializerFor(def);
  const entries = Object.entries(adjacency) as [string, AdjacencyValue<Snapshot, EventFromLogic<ReviewMachine>>][];
  const incoming = new Map<string, string[]>();
  for (const [from, { transitions }] of entries) {
    for (const { state } of Object.values(transitions)) {
      const to = serialize(state);
      const sources = incoming.get(to) ?? [];
      sources.push(from);
      incoming.set(to, sources);
    }
  }
  const queue = entries.filter(([, { state }]) => FINAL.has(String(state.value))).map(([key]) => key);
  const reached = new Set(queue);
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    for (const from of incoming.get(key) ?? []) if (!reached.has(from)) reached.add(from), queue.push(from);
  }
  return reached;
}

/**
 * TRANSFER and ADD_SIGNER to a colleague who never acts in the exploration and holds every
 * role: accepted exactly when the actor may hand on or add to someone.
 */
export function handOnEvents(actor: Actor, colleague: Actor): ReviewEvent[] {
  return [
    { type: 'TRANSFER', actor, toUserId: colleague.id, toRoles: colleague.roles },
    { type: 'ADD_SIGNER', actor, userId: colleague.id, position: 'before' },
    { type: 'ADD_SIGNER', actor, userId: colleague.id, position: 'after' },
  ];
}

/** availableEvents lists exactly the types of which some candidate event is accepted. */
export function expectAvailableMatchesApply(def: WorkflowDefinition, state: PersistedReview, actors: readonly Actor[], candidates: (actor: Actor) => ReviewEvent[]): void {
  for (const actor of actors) {
    const events = candidates(actor);
    const accepted = REVIEW_EVENT_TYPES.filter((type) => events.some((e) => e.type === type && applyReviewEvent(def, state, e).ok));
    expect(availableEvents(def, state, actor), `${actor.id} at ${state.value}`).toEqual(accepted);
  }
}
