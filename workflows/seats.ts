/**
 * Seats: who must approve at a step. A step has one seat per signer, or one for its role;
 * during a visit, transfers (转办) and added signers (加签) change the seats and approvals
 * fill them. The seats are always derived from the definition plus the persisted context,
 * so stored state holds only what people did, never a copy of the definition.
 */
import { SEPARATED_KINDS, type SeatMode, type SignerRef, type StepDefinition, type StepKind } from './definition';
import type { Role } from './roles';
import type { Actor, AddPosition, ReviewContext, ReviewEvent, SeatChange } from './review-types';

/** Steps with seats: the review-like ones, plus filing and publication with one role seat. */
export const SEAT_KINDS: readonly StepKind[] = [...SEPARATED_KINDS, 'filing', 'publication'];

export interface Seat {
  /** `${stepId}#${index}`: definition seats first, added seats numbered on from there. */
  id: string;
  stepId: string;
  /** Anyone holding this role may take the seat, unless `userId` assigns it personally. */
  role: Role | null;
  /** A personal assignment: named in the definition, transferred, or added. */
  userId: string | null;
  /** The seat that must approve first (an added 'before' signer), while it has not. */
  blockedBy: string | null;
  added?: { by: string; position: AddPosition };
}

/** A seat with what a visit of its step has done to it. */
export interface BoardSeat extends Seat {
  approvedBy: string | null;
  /** For an added seat: the seat it was added to, whose completion now waits for it. */
  attachedTo: string | null;
}

/** The static seat data of one step, handed to every guard of that step. */
export interface StepSeating {
  stepId: string;
  role: Role | null;
  mode: SeatMode;
  seats: readonly Seat[];
}

function seatOf(stepId: string, signer: SignerRef, index: number): Seat {
  const who = 'role' in signer ? { role: signer.role, userId: null } : { role: null, userId: signer.userId };
  return { id: `${stepId}#${index}`, stepId, ...who, blockedBy: null };
}

/**
 * The seats a step's definition declares; none for the draft and end states.
 * @example stepSeating(stepById(def, 'legality_review')!).seats // [{ id: 'legality_review#0', role: 'legal', userId: null, ... }]
 */
export function stepSeating(step: StepDefinition): StepSeating {
  const declared = step.signers ?? (step.role ? [{ role: step.role }] : []);
  const signers = SEAT_KINDS.includes(step.kind) ? declared : [];
  return { stepId: step.id, role: step.role ?? null, mode: step.mode ?? 'all', seats: signers.map((s, i) => seatOf(step.id, s, i)) };
}

function applyChange(board: BoardSeat[], change: SeatChange): void {
  const seat = board.find((s) => s.id === (change.type === 'transfer' ? change.seatId : change.forSeatId));
  if (change.type === 'transfer') {
    if (seat) seat.userId = change.toUserId;
    return;
  }
  const added = { by: change.byUserId, position: change.position };
  board.push({ id: change.seatId, stepId: change.stepId, role: null, userId: change.userId, blockedBy: null, added, approvedBy: null, attachedTo: change.forSeatId });
  // The seat comes back to the adder personally once the added person has approved.
  if (seat && change.position === 'before') Object.assign(seat, { userId: change.byUserId, blockedBy: change.seatId });
}

// Guards ask for the same board many times per transition; contexts are never mutated, so a
// board can be kept per context object (and per step's seating) as long as the context lives.
const boards = new WeakMap<ReviewContext, WeakMap<StepSeating, readonly BoardSeat[]>>();

function buildBoard(seating: StepSeating, context: ReviewContext): readonly BoardSeat[] {
  const board: BoardSeat[] = seating.seats.map((s) => ({ ...s, approvedBy: null, attachedTo: null }));
  for (const change of context.seatChanges ?? []) if (change.stepId === seating.stepId) applyChange(board, change);
  for (const a of context.acted) {
    const seat = a.stepId === seating.stepId ? board.find((s) => s.id === a.seatId) : undefined;
    if (seat) seat.approvedBy = a.userId;
  }
  for (const seat of board) if (seat.blockedBy && board.find((s) => s.id === seat.blockedBy)?.approvedBy) seat.blockedBy = null;
  return Object.freeze(board.map((seat) => Object.freeze(seat)));
}

/**
 * The seats of the current visit of a step, with approvals and blocks resolved. Frozen:
 * the same board is handed to every caller with the same context.
 * @example seatBoard(seating, state.context).filter((s) => !s.approvedBy) // the open seats
 */
export function seatBoard(seating: StepSeating, context: ReviewContext): readonly BoardSeat[] {
  const bySeating = boards.get(context) ?? new WeakMap<StepSeating, readonly BoardSeat[]>();
  boards.set(context, bySeating);
  const cached = bySeating.get(seating);
  if (cached) return cached;
  const board = buildBoard(seating, context);
  bySeating.set(seating, board);
  return board;
}

/**
 * The open seats this person may take. Personal seats come first and exclude the rest: once
 * someone holds a seat of their own, taking a role seat would use up their one approval of
 * the round and leave their own seat unfillable.
 * @example seatsHeldBy(board, 'u-legal', ['legal']).map((s) => s.id) // ['legality_review#0']
 */
export function seatsHeldBy(board: readonly BoardSeat[], userId: string, roles: readonly Role[]): BoardSeat[] {
  const open = board.filter((s) => !s.approvedBy);
  const personal = open.filter((s) => s.userId === userId);
  return personal.length ? personal : open.filter((s) => s.userId === null && s.role !== null && roles.includes(s.role));
}

/** The seat an event names, if it names one. @example seatIdOf({ type: 'APPROVE', actor, seatId: 'joint_review#1' }) // 'joint_review#1' */
export function seatIdOf(event: ReviewEvent | undefined): string | undefined {
  return event && 'seatId' in event ? event.seatId : undefined;
}

/**
 * The seat an actor's event acts on: the one it names, else the first unblocked seat the
 * actor holds, else the first (blocked) one, so the refusal can say it is blocked.
 * @example pickSeat(board, { type: 'APPROVE', actor })?.id // 'legality_review#0'
 */
export function pickSeat(board: readonly BoardSeat[], event: { actor: Actor; seatId?: string }): BoardSeat | undefined {
  const held = seatsHeldBy(board, event.actor.id, event.actor.roles);
  if (event.seatId !== undefined) return held.find((s) => s.id === event.seatId);
  return held.find((s) => !s.blockedBy) ?? held[0];
}

function isSatisfied(board: readonly BoardSeat[], seat: BoardSeat): boolean {
  return !!seat.approvedBy && board.filter((s) => s.attachedTo === seat.id).every((s) => isSatisfied(board, s));
}

/**
 * Whether the step is done: every declared seat ('all') or one of them ('any') approved,
 * together with every signer added to it.
 * @example isStepComplete(board, 'any') // true after the first approval
 */
export function isStepComplete(board: readonly BoardSeat[], mode: SeatMode): boolean {
  const declared = board.filter((s) => !s.added);
  return mode === 'any' ? declared.some((s) => isSatisfied(board, s)) : declared.every((s) => isSatisfied(board, s));
}

/**
 * The board as it would be once `userId` approved `seatId`, with the seats it unblocks freed.
 * @example isStepComplete(withApproval(board, 'joint_review#1', 'u-secrecy'), 'all')
 */
export function withApproval(board: readonly BoardSeat[], seatId: string, userId: string): readonly BoardSeat[] {
  const next = board.map((s) => (s.id === seatId ? { ...s, approvedBy: userId } : { ...s }));
  for (const seat of next) if (seat.blockedBy && next.find((s) => s.id === seat.blockedBy)?.approvedBy) seat.blockedBy = null;
  return next;
}

/** The id the next added seat of this step gets. @example nextSeatId(twoSeatBoard, 'joint_review') // 'joint_review#2' */
export function nextSeatId(board: readonly BoardSeat[], stepId: string): string {
  return `${stepId}#${board.length}`;
}

/** The public view of a board seat, without what only the engine needs. @example board.map(publicSeat) */
export function publicSeat({ approvedBy: _approved, attachedTo: _attached, ...seat }: BoardSeat): Seat {
  return seat;
}
