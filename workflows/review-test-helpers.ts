/** Shared fixtures for the workflow unit tests: one user per role and a driver for events. */
import { expect } from 'vitest';
import { applyReviewEvent, startReview } from './engine';
import { releaseReviewDefinition } from './release-review.definition';
import type { WorkflowDefinition } from './definition';
import type { Actor, DocumentFacts, PersistedReview, ReviewEvent } from './review-types';

export const def = releaseReviewDefinition;

export const users = {
  drafter: { id: 'u-drafter', roles: ['drafter'] },
  stats: { id: 'u-stats', roles: ['stats'] },
  legal: { id: 'u-legal', roles: ['legal'] },
  secrecy: { id: 'u-secrecy', roles: ['secrecy'] },
  leader: { id: 'u-leader', roles: ['leader'] },
  leader2: { id: 'u-leader2', roles: ['leader'] },
  publisher: { id: 'u-publisher', roles: ['publisher'] },
  /** Holds every reviewing role: exercises separation of duties. */
  allRounder: { id: 'u-all', roles: ['drafter', 'stats', 'legal', 'secrecy', 'leader', 'publisher'] },
} satisfies Record<string, Actor>;

export function facts(overrides: Partial<DocumentFacts> = {}): DocumentFacts {
  return {
    hasStatistics: false,
    isMajorMatter: false,
    attribute: 'open',
    categoryCode: 'gzdt',
    drafterId: users.drafter.id,
    ...overrides,
  };
}

export const submit = (f: DocumentFacts, actor: Actor = users.drafter): ReviewEvent => ({ type: 'SUBMIT', actor, facts: f });
export const approve = (actor: Actor): ReviewEvent => ({ type: 'APPROVE', actor });
export const publish = (actor: Actor = users.publisher): ReviewEvent => ({ type: 'PUBLISH', actor });
export const sendBack = (actor: Actor, target: string): ReviewEvent => ({ type: 'RETURN', actor, target });

/** The reviewer who normally acts at each step of the default definition. */
export const stepActor: Record<string, Actor> = {
  stats_review: users.stats,
  legality_review: users.legal,
  secrecy_review: users.secrecy,
  leader_signoff: users.leader,
  committee_decision: users.leader2,
  filing: users.publisher,
  publication: users.publisher,
};

/** Applies events in order, failing the test on any refusal; returns the final state. */
export function run(state: PersistedReview, events: ReviewEvent[], definition: WorkflowDefinition = def): PersistedReview {
  return events.reduce((current, event) => {
    const result = applyReviewEvent(definition, current, event);
    if (!result.ok) expect.fail(`${event.type} at ${current.value} refused: ${result.refusal}`);
    return result.state;
  }, state);
}

/** Submits, then approves step by step until a publication step or an end; returns the visited step ids. */
export function approveThrough(f: DocumentFacts, from?: PersistedReview): { state: PersistedReview; visited: string[] } {
  let state = run(from ?? startReview(def, f), [submit(f)]);
  const visited: string[] = [];
  while (stepActor[state.value] && state.value !== 'publication') {
    visited.push(state.value);
    state = run(state, [approve(stepActor[state.value]!)]);
  }
  if (state.value === 'publication') visited.push('publication');
  return { state, visited };
}
