/**
 * What the compiled machine does to the context when someone acts on a seat, and the two
 * questions it asks before an approval: does the step stay open, does a seat reopen.
 * Called only after the rule guards passed, so the actor's seat exists.
 */
import type { GuardParams } from './registry';
import type { ReviewContext, ReviewEvent, SeatChange } from './review-types';
import { isStepComplete, nextSeatId, pickSeat, seatBoard, seatIdOf, withApproval, type BoardSeat } from './seats';

function actorSeat(context: ReviewContext, event: ReviewEvent, p: GuardParams): { board: readonly BoardSeat[]; seat: BoardSeat } {
  const board = seatBoard(p.seating, context);
  const seat = pickSeat(board, { actor: event.actor, seatId: seatIdOf(event) });
  if (!seat) throw new Error(`${event.type} at '${p.stepId}' reached an action without a seat for ${event.actor.id}`);
  return { board, seat };
}

/**
 * The actor's approval of their seat, recorded for separation of duties and as seat progress.
 * @example recordApproval(ctx, { type: 'APPROVE', actor }, params).acted.at(-1) // { stepId, seatId, userId }
 */
export function recordApproval(context: ReviewContext, event: ReviewEvent, p: GuardParams): Pick<ReviewContext, 'acted'> {
  const { seat } = actorSeat(context, event, p);
  return { acted: [...context.acted, { stepId: p.stepId, seatId: seat.id, userId: event.actor.id }] };
}

/**
 * Whether the step still waits for other seats once the actor approved theirs.
 * @example approvalLeavesStepOpen(ctxAtCountersign, approveByLegal, params) // true while the secrecy seat is open
 */
export function approvalLeavesStepOpen(context: ReviewContext, event: ReviewEvent, p: GuardParams): boolean {
  const { board, seat } = actorSeat(context, event, p);
  return !isStepComplete(withApproval(board, seat.id, event.actor.id), p.seating.mode);
}

/** Whether the actor's approval releases a seat that was waiting for it (加签 before). */
export function approvalUnblocksSeat(context: ReviewContext, event: ReviewEvent, p: GuardParams): boolean {
  const { board, seat } = actorSeat(context, event, p);
  return board.some((s) => s.blockedBy === seat.id);
}

const withChange = (context: ReviewContext, change: SeatChange) => [...(context.seatChanges ?? []), change];

/**
 * 转办: the actor's seat is assigned to the colleague personally.
 * @example recordTransfer(ctx, { type: 'TRANSFER', actor, toUserId: 'u-legal2', toRoles: ['legal'] }, params)
 */
export function recordTransfer(context: ReviewContext, event: ReviewEvent, p: GuardParams): Pick<ReviewContext, 'seatChanges'> {
  if (event.type !== 'TRANSFER') return {};
  const { seat } = actorSeat(context, event, p);
  return { seatChanges: withChange(context, { type: 'transfer', stepId: p.stepId, seatId: seat.id, toUserId: event.toUserId, byUserId: event.actor.id }) };
}

/**
 * 加签: a new seat for the added person, attached to the actor's seat; 'after' also records
 * the actor's approval, since adding after means approving now.
 * @example recordAddedSigner(ctx, { type: 'ADD_SIGNER', actor, userId: 'u-expert', position: 'before' }, params)
 */
export function recordAddedSigner(context: ReviewContext, event: ReviewEvent, p: GuardParams): Partial<ReviewContext> {
  if (event.type !== 'ADD_SIGNER') return {};
  const { board, seat } = actorSeat(context, event, p);
  const change: SeatChange = {
    type: 'add',
    stepId: p.stepId,
    seatId: nextSeatId(board, p.stepId),
    forSeatId: seat.id,
    userId: event.userId,
    position: event.position,
    byUserId: event.actor.id,
  };
  const approval = event.position === 'after' ? [{ stepId: p.stepId, seatId: seat.id, userId: event.actor.id }] : [];
  return { acted: [...context.acted, ...approval], seatChanges: withChange(context, change) };
}
