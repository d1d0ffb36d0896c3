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

/**
 * The text of the document at the moment of an approval or publication, for guards a step
 * `requires` or names as a `when` (e.g. a sensitive-words check). The server passes it with real
 * actions under every definition that names a plugin guard (`namesPluginGuards`).
 */
export interface DocumentContent {
  title: string;
  body: string;
}

/** 加签 before: the added person approves first; after: the adder approves now, the added person later. */
export type AddPosition = 'before' | 'after';

/**
 * A change to the seats of the current step, made by someone holding one of them.
 * - transfer (转办): the seat is now assigned to `toUserId` personally
 * - add (加签): `seatId` is a new seat for `userId`, attached to the adder's seat `forSeatId`
 */
export type SeatChange =
  | { type: 'transfer'; stepId: string; seatId: string; toUserId: string; byUserId: string }
  | { type: 'add'; stepId: string; seatId: string; forSeatId: string; userId: string; position: AddPosition; byUserId: string };

export interface ReviewContext extends DocumentFacts {
  /** Submissions so far; 0 while the first draft is being written. */
  round: number;
  /**
   * Approvals in this round, in order, each of one seat; trimmed when a return re-runs steps.
   * The entries of the current step are its seat progress. (Snapshots stored before seats
   * existed lack `seatId`, but only for steps already passed, where it is never read.)
   */
  acted: { stepId: string; seatId: string; userId: string }[];
  /** The latest return in this round, cleared at SUBMIT. */
  lastReturn: { fromStep: string; toStep: string; byUserId: string } | null;
  /**
   * Transfers and added signers at the current step, in order; emptied whenever the document
   * leaves the step. Absent in snapshots stored before seats existed, which means none.
   */
  seatChanges?: SeatChange[];
}

/** What the server stores per document, next to the pinned definition key and version. */
export interface PersistedReview {
  /** The current step id or end-state id. */
  value: string;
  context: ReviewContext;
}

/**
 * What someone does. `seatId` names the seat acted on (the server passes the seat of the task
 * being handled); without it the engine takes the first open seat the actor may act on.
 */
export type ReviewEvent =
  | { type: 'SUBMIT'; actor: Actor; facts: DocumentFacts }
  | { type: 'APPROVE'; actor: Actor; seatId?: string; document?: DocumentContent }
  | { type: 'RETURN'; actor: Actor; target: string; seatId?: string }
  | { type: 'REJECT'; actor: Actor; seatId?: string }
  | { type: 'RECALL'; actor: Actor }
  | { type: 'PUBLISH'; actor: Actor; seatId?: string; document?: DocumentContent }
  | { type: 'WITHDRAW_PUBLICATION'; actor: Actor }
  /** 转办: hand the actor's seat to a colleague; `toRoles` are the colleague's roles, as the server knows them. */
  | { type: 'TRANSFER'; actor: Actor; toUserId: string; toRoles: readonly Role[]; seatId?: string }
  /** 加签: add `userId` as a signer before or after the actor's own approval. */
  | { type: 'ADD_SIGNER'; actor: Actor; userId: string; position: AddPosition; seatId?: string };

export type ReviewEventType = ReviewEvent['type'];

export const REVIEW_EVENT_TYPES = [
  'SUBMIT',
  'APPROVE',
  'RETURN',
  'REJECT',
  'RECALL',
  'PUBLISH',
  'WITHDRAW_PUBLICATION',
  'TRANSFER',
  'ADD_SIGNER',
] as const satisfies readonly ReviewEventType[];

/**
 * Why an event was refused.
 * - not_assignee: the actor holds no open seat here (or is not the drafter, for SUBMIT/RECALL)
 * - own_document / already_acted: separation of duties, for the actor or for the person a
 *   seat is handed or added to
 * - seat_blocked: the actor's seat waits for a signer added before it (加签 before)
 * - invalid_assignee: that person cannot take the seat (lacks the role, is the actor, or
 *   already holds a seat of their own at this step)
 * - invalid_in_state / invalid_target: the step does not accept this, or not that target
 * - requirement_failed: a guard the step `requires` (e.g. a plugin's sensitive-words check) does not hold
 */
export const REFUSALS = [
  'not_assignee',
  'own_document',
  'already_acted',
  'seat_blocked',
  'invalid_assignee',
  'invalid_in_state',
  'invalid_target',
  'requirement_failed',
] as const;
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
 * - notifyAssignees: the document now waits at a step for its role (after SUBMIT, APPROVE, RETURN to a step),
 *   or a seat got a new holder or became actionable (TRANSFER, ADD_SIGNER, an approval that unblocks a seat)
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
