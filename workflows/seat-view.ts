/**
 * Read-only views of the seats at a document's current step: which seats still wait (the
 * server keeps one open task per open, unblocked seat) and how far a countersign has come.
 */
import { stepById, type LocalizedText, type WorkflowDefinition } from './definition';
import { ROLE_LABELS } from './roles';
import type { PersistedReview } from './review-types';
import { publicSeat, seatBoard, stepSeating, type BoardSeat, type Seat } from './seats';

function currentBoard(def: WorkflowDefinition, state: PersistedReview): readonly BoardSeat[] {
  const step = stepById(def, state.value);
  return step ? seatBoard(stepSeating(step), state.context) : [];
}

/**
 * The seats still waiting at the current step, in seat order; empty at the draft and at end
 * states. A seat with `blockedBy` waits for that seat first and needs no task yet.
 * @example openSeats(def, atLegality) // [{ id: 'legality_review#0', stepId: 'legality_review', role: 'legal', userId: null, blockedBy: null }]
 */
export function openSeats(def: WorkflowDefinition, state: PersistedReview): Seat[] {
  return currentBoard(def, state)
    .filter((s) => !s.approvedBy)
    .map(publicSeat);
}

export interface SeatProgress {
  seatId: string;
  /** The role's label; for a seat with no role (named or added), the user id, for the server to replace with a name. */
  label: LocalizedText;
  role: Seat['role'];
  userId: Seat['userId'];
  added?: Seat['added'];
  approvedBy: string | null;
}

/**
 * Every seat of the current step with who approved it so far, for showing a countersign's
 * progress (会签进度). Empty at the draft and at end states.
 * @example seatProgress(def, state) // [{ seatId: 'joint_review#0', label: { zh: '合法性审查', ... }, approvedBy: 'u-legal', ... }, ...]
 */
export function seatProgress(def: WorkflowDefinition, state: PersistedReview): SeatProgress[] {
  return currentBoard(def, state).map((seat) => ({
    seatId: seat.id,
    label: seat.role ? ROLE_LABELS[seat.role] : { zh: seat.userId ?? '', en: seat.userId ?? '' },
    role: seat.role,
    userId: seat.userId,
    ...(seat.added ? { added: seat.added } : {}),
    approvedBy: seat.approvedBy,
  }));
}
