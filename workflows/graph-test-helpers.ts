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
import { assigneeOf } from './seat-guards';
import { seatBoard, seatIdOf, stepSeating } from './seats';

export type Snapshot = SnapshotFrom<ReviewMachine>;
// The machine's own event type also holds XState's internal events, hence EventFromLogic.
export type Adjacency = AdjacencyMap<Snapshot, EventFromLogic<ReviewMachine>>;

const FINAL = new Set(['concluded', 'rejected', 'withdrawn']);

export const persisted = (s: Snapshot): PersistedReview => ({ value: String(s.value), context: s.context });

/**
 * Rounds grow without bound, so they are left out; guards read lastReturn only as present or
 * not, `acted` only as a set, and seat changes only through the seats they produce, so states
 * equal on the rest behave alike. Built by hand rather than by JSON.stringify: the walk
 * calls it once per transition.
 */
export function serializerFor(def: WorkflowDefinition) {
  return (s: Snapshot): string => {
    const c = s.context;
    const acted = c.acted.map((a) => `${a.stepId}:${a.seatId}:${a.userId}`).sort();
    // Without changes the seats follow from the definition and `acted`, already in the key.
    const step = c.seatChanges?.length ? stepById(def, String(s.value)) : undefined;
    const seats = step ? JSON.stringify(seatBoard(stepSeating(step), c).map(({ approvedBy: _a, ...seat }) => seat)) : '';
    return [s.value, c.attribute, c.hasStatistics, c.isMajorMatter, c.categoryCode, c.drafterId, acted.join(','), c.lastReturn !== null, seats].join('|');
  };
}

/** A key per distinct event, cheaper than the default JSON of the whole event with its actor. */
function serializeEvent(event: EventFromLogic<ReviewMachine>): string {
  // The walk only ever sends the review events it is given.
  const e = event as ReviewEvent;
  const detail = e.type === 'SUBMIT' ? JSON.stringify(e.facts) : [seatIdOf(e), 'target' in e ? e.target : '', assigneeOf(e), 'position' in e ? e.position : ''].join(':');
  return `${e.type}:${e.actor.id}:${detail}`;
}

/** Every state reachable from a new document with these facts, under these events. */
export function explore(def: WorkflowDefinition, input: DocumentFacts, events: (s: Snapshot) => ReviewEvent[]) {
  const options = { input, events, serializeState: serializerFor(def), serializeEvent, limit: 2_000_000 };
  return { options, adjacency: getAdjacencyMap(compileWorkflow(def), options) };
}

/** Every transition the walk recorded, refused events included (they lead back to their state). */
export function edgesOf(adjacency: Adjacency): { fromKey: string; from: Snapshot; event: ReviewEvent; to: Snapshot }[] {
  const entries = Object.entries(adjacency) as [string, AdjacencyValue<Snapshot, EventFromLogic<ReviewMachine>>][];
  return entries.flatMap(([fromKey, { state, transitions }]) =>
    Object.values(transitions).map((t) => ({ fromKey, from: state, event: t.event as ReviewEvent, to: t.state })),
  );
}

/** States from which some final state can be reached, by walking the edges backwards. */
export function statesReachingAnEnd(def: WorkflowDefinition, adjacency: Adjacency): Set<string> {
  const serialize = serializerFor(def);
  const incoming = new Map<string, string[]>();
  for (const { fromKey, to } of edgesOf(adjacency)) {
    const toKey = serialize(to);
    const sources = incoming.get(toKey) ?? [];
    sources.push(fromKey);
    incoming.set(toKey, sources);
  }
  const queue = Object.entries(adjacency)
    .filter(([, { state }]) => FINAL.has(String(state.value)))
    .map(([key]) => key);
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
