/**
 * The built-in rule guards about seats. They read the seats of the guarded step from its
 * params and the context, so the compiled machine and the engine's refusals agree, and a
 * plugin can neither replace nor weaken them (registry names are never replaced).
 */
import type { GuardParams, WorkflowGuard } from './registry';
import type { ReviewContext, ReviewEvent } from './review-types';
import { pickSeat, seatBoard, seatIdOf } from './seats';

const boardOf = (ctx: ReviewContext, p: GuardParams) => seatBoard(p.seating, ctx);
const actorSeat = (ctx: ReviewContext, event: ReviewEvent | undefined, p: GuardParams) =>
  event ? pickSeat(boardOf(ctx, p), { actor: event.actor, seatId: seatIdOf(event) }) : undefined;

/** The person a seat is handed or added to. */
export function assigneeOf(event: ReviewEvent | undefined): string | undefined {
  if (event?.type === 'TRANSFER') return event.toUserId;
  if (event?.type === 'ADD_SIGNER') return event.userId;
  return undefined;
}

export const SEAT_GUARDS: Record<string, WorkflowGuard> = {
  // A named seat that is gone (approved, or the document moved) means a stale task.
  namedSeatIsOpen: (ctx, event, p) => {
    const id = seatIdOf(event);
    return id === undefined || boardOf(ctx, p).some((s) => s.id === id && !s.approvedBy);
  },
  notActedAtStep: (ctx, event, p) => !ctx.acted.some((a) => a.stepId === p.stepId && a.userId === event?.actor.id),
  holdsOpenSeat: (ctx, event, p) => actorSeat(ctx, event, p) !== undefined,
  seatNotBlocked: (ctx, event, p) => actorSeat(ctx, event, p)?.blockedBy === null,
  assigneeNotDrafter: (ctx, event) => {
    const who = assigneeOf(event);
    return who !== undefined && who !== ctx.drafterId;
  },
  assigneeNotActed: (ctx, event, p) => {
    const who = assigneeOf(event);
    return !ctx.acted.some((a) => a.userId === who && p.separatedStepIds.includes(a.stepId));
  },
  // Someone already holding a seat of their own here could approve only one of the two.
  assigneeEligible: (ctx, event, p) => {
    const who = assigneeOf(event);
    if (!event || who === undefined || who === event.actor.id) return false;
    const board = boardOf(ctx, p);
    if (board.some((s) => !s.approvedBy && s.userId === who)) return false;
    if (event.type !== 'TRANSFER') return true;
    // A named or added seat has no role of its own: it goes to a holder of the step's role.
    const role = actorSeat(ctx, event, p)?.role ?? p.seating.role;
    return role !== null && event.toRoles.includes(role);
  },
};
