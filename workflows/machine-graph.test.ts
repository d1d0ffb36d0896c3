/**
 * Tests generated from the compiled machine itself: walk every state reachable with a pool
 * of users, and check properties that must hold in all of them.
 */
import { getAdjacencyMap, getShortestPaths, type AdjacencyValue } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_ATTRIBUTES } from '../forms/disclosure';
import { compileWorkflow } from './compile';
import { applyReviewEvent, availableEvents, returnTargetsFor } from './engine';
import { REVIEW_EVENT_TYPES, type DocumentFacts, type PersistedReview, type ReviewEvent } from './review-types';
import { def, facts, users } from './review-test-helpers';

const machine = compileWorkflow(def);
type Snapshot = ReturnType<typeof machine.resolveState>;

const pool = Object.values(users);
// Every working step, plus one end state standing for the targets that are never valid.
const targets = [...def.steps.filter((s) => s.kind !== 'end').map((s) => s.id), 'published'];
const FINAL = new Set(['concluded', 'rejected', 'withdrawn']);

const allFacts: DocumentFacts[] = DISCLOSURE_ATTRIBUTES.flatMap((attribute) =>
  [false, true].flatMap((hasStatistics) => [false, true].map((isMajorMatter) => facts({ attribute, hasStatistics, isMajorMatter }))),
);

function eventsFor(submitted: readonly DocumentFacts[]) {
  return (): ReviewEvent[] =>
    pool.flatMap((actor) => [
      ...submitted.map((f): ReviewEvent => ({ type: 'SUBMIT', actor, facts: f })),
      ...targets.map((target): ReviewEvent => ({ type: 'RETURN', actor, target })),
      ...(['APPROVE', 'REJECT', 'RECALL', 'PUBLISH', 'WITHDRAW_PUBLICATION'] as const).map((type): ReviewEvent => ({ type, actor })),
    ]);
}

// Rounds grow without bound, so they are left out; guards read lastReturn only as
// present or not and `acted` only as a set, so states equal on the rest behave alike.
const serializeState = (s: Snapshot) => {
  const { round: _round, lastReturn, acted, ...facts } = s.context;
  const actedSet = acted.map((a) => `${a.stepId}:${a.userId}`).sort();
  return JSON.stringify([s.value, facts, actedSet, lastReturn !== null]);
};

function explore(input: DocumentFacts, submitted: readonly DocumentFacts[] = [input]) {
  const options = { input, events: eventsFor(submitted), serializeState, limit: 2_000_000 };
  return { options, adjacency: getAdjacencyMap(machine, options) };
}

/** States from which some final state can be reached, by walking the edges backwards. */
function statesReachingAnEnd(adjacency: ReturnType<typeof explore>['adjacency']): Set<string> {
  const entries = Object.entries(adjacency) as [string, AdjacencyValue<Snapshot, ReviewEvent>][];
  const incoming = new Map<string, string[]>();
  for (const [from, { transitions }] of entries) {
    for (const { state } of Object.values(transitions)) {
      const to = serializeState(state);
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

const persisted = (s: Snapshot): PersistedReview => ({ value: String(s.value), context: s.context });

describe.each(allFacts.map((f) => [`${f.attribute} stats=${f.hasStatistics} major=${f.isMajorMatter}`, f] as const))(
  'machine graph for %s',
  (_name, input) => {
    const { options, adjacency } = explore(input);
    const states = Object.values(adjacency).map((entry) => entry.state as Snapshot);
    const publishable = input.attribute === 'open' || input.attribute === 'partial';

    it('reaches a final state from every reachable state', () => {
      expect(states.length).toBeGreaterThan(5);
      expect(statesReachingAnEnd(adjacency).size).toBe(states.length);
    });

    it(publishable ? 'can be published, then withdrawn' : 'never reaches filing, publication or published', () => {
      const values = new Set(states.map((s) => String(s.value)));
      for (const value of ['filing', 'publication', 'published', 'withdrawn']) expect(values.has(value)).toBe(publishable);
      expect(values.has('concluded')).toBe(!publishable);
      const toPublished = getShortestPaths(machine, { ...options, toState: (s) => s.value === 'published' });
      expect(toPublished.length > 0).toBe(publishable);
      for (const path of toPublished) expect(path.steps.at(-1)!.event.type).toBe('PUBLISH');
    });
  },
);

it('keeps every state able to finish when the drafter changes the facts at resubmission', () => {
  const full = facts({ hasStatistics: true, isMajorMatter: true });
  const { adjacency } = explore(full, [full, facts({ attribute: 'non_public' })]);
  const states = Object.keys(adjacency);
  expect(statesReachingAnEnd(adjacency).size).toBe(states.length);
}, 30_000);

// Costly, so on two routes that between them pass every step and every outcome.
it.each([
  ['open with statistics', facts({ hasStatistics: true })],
  ['non-public major matter', facts({ attribute: 'non_public', isMajorMatter: true })],
] as const)(
  'offers in availableEvents exactly the events applyReviewEvent accepts: %s',
  (_name, input) => {
    for (const entry of Object.values(explore(input).adjacency)) {
      const state = persisted(entry.state as Snapshot);
      for (const actor of pool) {
        const accepted = REVIEW_EVENT_TYPES.filter((type) =>
          eventsFor([input])()
            .filter((e) => e.type === type && e.actor === actor)
            .some((e) => applyReviewEvent(def, state, e).ok),
        );
        expect(availableEvents(def, state, actor), `${actor.id} at ${state.value}`).toEqual(accepted);
      }
      const returnable = targets.filter((target) => pool.some((actor) => applyReviewEvent(def, state, { type: 'RETURN', actor, target }).ok));
      expect(returnTargetsFor(def, state)).toEqual(returnable);
    }
  },
  30_000,
);
