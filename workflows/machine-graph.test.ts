/**
 * Tests generated from the compiled machine itself: walk every state reachable with a pool
 * of users, and check properties that must hold in all of them.
 */
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_ATTRIBUTES } from '../forms/disclosure';
import { applyReviewEvent, returnTargetsFor } from './engine';
import { edgesOf, expectAvailableMatchesApply, explore as exploreDef, handOnEvents, persisted, statesReachingAnEnd, type Snapshot } from './graph-test-helpers';
import { ROLES } from './roles';
import type { Actor, DocumentFacts, ReviewEvent } from './review-types';
import { def, facts, users } from './review-test-helpers';

const pool: Actor[] = Object.values(users);
// Every working step, plus one end state standing for the targets that are never valid.
const targets = [...def.steps.filter((s) => s.kind !== 'end').map((s) => s.id), 'published'];
/** Takes seats handed on or added, never acts itself: see handOnEvents. */
const colleague: Actor = { id: 'u-colleague', roles: ROLES };

const allFacts: DocumentFacts[] = DISCLOSURE_ATTRIBUTES.flatMap((attribute) =>
  [false, true].flatMap((hasStatistics) => [false, true].map((isMajorMatter) => facts({ attribute, hasStatistics, isMajorMatter }))),
);

function eventsFor(submitted: readonly DocumentFacts[]) {
  return (actor: Actor): ReviewEvent[] => [
    ...submitted.map((f): ReviewEvent => ({ type: 'SUBMIT', actor, facts: f })),
    ...targets.map((target): ReviewEvent => ({ type: 'RETURN', actor, target })),
    ...(['APPROVE', 'REJECT', 'RECALL', 'PUBLISH', 'WITHDRAW_PUBLICATION'] as const).map((type): ReviewEvent => ({ type, actor })),
  ];
}

// Transfers and added signers are left out here: the seat tests explore them on a smaller flow.
function explore(input: DocumentFacts, submitted: readonly DocumentFacts[] = [input]) {
  const events = eventsFor(submitted);
  return exploreDef(def, input, () => pool.flatMap(events));
}

describe.each(allFacts.map((f) => [`${f.attribute} stats=${f.hasStatistics} major=${f.isMajorMatter}`, f] as const))(
  'machine graph for %s',
  (_name, input) => {
    const { adjacency } = explore(input);
    const states = Object.values(adjacency).map((entry) => entry.state as Snapshot);
    const publishable = input.attribute === 'open' || input.attribute === 'partial';

    it('reaches a final state from every reachable state', () => {
      expect(states.length).toBeGreaterThan(5);
      expect(statesReachingAnEnd(def, adjacency).size).toBe(states.length);
    });

    it(publishable ? 'can be published, then withdrawn' : 'never reaches filing, publication or published', () => {
      const values = new Set(states.map((s) => String(s.value)));
      for (const value of ['filing', 'publication', 'published', 'withdrawn']) expect(values.has(value)).toBe(publishable);
      expect(values.has('concluded')).toBe(!publishable);
      // Every edge into 'published' is a PUBLISH, so every path there ends with one. Read off
      // the walk already made: a shortest-path search would walk the whole graph again.
      const intoPublished = edgesOf(adjacency).filter((e) => e.to.value === 'published' && e.from.value !== 'published');
      expect(intoPublished.length > 0).toBe(publishable);
      for (const edge of intoPublished) expect(edge.event.type).toBe('PUBLISH');
    });
  },
);

it('keeps every state able to finish when the drafter changes the facts at resubmission', () => {
  const full = facts({ hasStatistics: true, isMajorMatter: true });
  const { adjacency } = explore(full, [full, facts({ attribute: 'non_public' })]);
  const states = Object.keys(adjacency);
  expect(statesReachingAnEnd(def, adjacency).size).toBe(states.length);
}, 30_000);

// Costly, so on two routes that between them pass every step and every outcome.
it.each([
  ['open with statistics', facts({ hasStatistics: true })],
  ['non-public major matter', facts({ attribute: 'non_public', isMajorMatter: true })],
] as const)(
  'offers in availableEvents exactly the events applyReviewEvent accepts: %s',
  (_name, input) => {
    const events = eventsFor([input]);
    for (const entry of Object.values(explore(input).adjacency)) {
      const state = persisted(entry.state as Snapshot);
      expectAvailableMatchesApply(def, state, pool, (actor) => [...events(actor), ...handOnEvents(actor, colleague)]);
      const returnable = targets.filter((target) => pool.some((actor) => applyReviewEvent(def, state, { type: 'RETURN', actor, target }).ok));
      expect(returnTargetsFor(def, state)).toEqual(returnable);
    }
  },
  30_000,
);
