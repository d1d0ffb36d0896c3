/**
 * The shapes the review engine reads and writes: who acts, what the document says about
 * itself, the persisted state (plain JSON), the events, refusals, statuses and effect names.
 */
import type { DisclosureAttribute } from '../forms/disclosure';
import type { Role } from './roles';

export interface Actor {
  id: string;
  roles: readonly Role[];
}

/** What workflow conditions read from the document; refreshed at every SUBMIT. */
export interface DocumentFacts {
  hasStatistics: boolean;
  isMajorMatter: boolean;
  attribute: DisclosureAttribute;
  categoryCode: string;
  drafterId: string;
}

export interface ReviewContext extends DocumentFacts {
  /** Submissions so far; 0 while the first draft is being written. */
  round: number;
  /** Approvals in this round, in order; trimmed when a return re-runs steps. */
  acted: { stepId: string; userId: string }[];
  /** The latest return in this round, cleared at SUBMIT. */
  lastReturn: { fromStep: string; toStep: string; byUserId: string } | null;
}

/** What the server stores per document, next to the pinned definition key and version. */
export interface PersistedReview {
  /** The current step id or end-state id. */
  value: string;
  context: ReviewContext;
}

export type ReviewEvent =
  | { type: 'SUBMIT'; actor: Actor; facts: DocumentFacts }
  | { type: 'APPROVE'; actor: Actor }
  | { type: 'RETURN'; actor: Actor; target: string }
  | { type: 'REJECT'; actor: Actor }
  | { type: 'RECALL'; actor: Actor }
  | { type: 'PUBLISH'; actor: Actor }
  | { type: 'WITHDRAW_PUBLICATION'; actor: Actor };

export type ReviewEventType = ReviewEvent['type'];

export const REVIEW_EVENT_TYPES = [
  'SUBMIT',
  'APPROVE',
  'RETURN',
  'REJECT',
  'RECALL',
  'PUBLISH',
  'WITHDRAW_PUBLICATION',
] as const satisfies readonly ReviewEventType[];

export const REFUSALS = ['not_assignee', 'own_document', 'already_acted', 'invalid_in_state', 'invalid_target'] as const;
export type Refusal = (typeof REFUSALS)[number];

export const REVIEW_STATUSES = [
  'draft',
  'returned',
  'in_review',
  'awaiting_publication',
  'published',
  'withdrawn',
  'rejected',
  'concluded',
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * Effect names the machine emits; the server runs them by name after its commit.
 * - notifyAssignees: the document now waits at a step for its role (after SUBMIT, APPROVE, RETURN to a step)
 * - notifyDrafterReturned / notifyDrafterRejected / notifyDrafterConcluded: tell the drafter the outcome
 * - notifyRecalled: the drafter took the submission back; the waiting task is gone
 * - recordPublication / recordWithdrawal: put the item in, or take it out of, the public catalog
 */
export const REVIEW_EFFECTS = [
  'notifyAssignees',
  'notifyDrafterReturned',
  'notifyDrafterRejected',
  'notifyDrafterConcluded',
  'notifyRecalled',
  'recordPublication',
  'recordWithdrawal',
] as const;
export type ReviewEffect = (typeof REVIEW_EFFECTS)[number];
