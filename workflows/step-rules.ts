/**
 * Which events each kind of step accepts, and the ordered rule checks each must pass. The
 * compiler turns a check list into one guard on every candidate transition; the engine
 * walks the same list to refuse an event, with its reason, before asking the machine.
 */
import { stepById, type StepDefinition, type WorkflowDefinition } from './definition';
import { evaluateGuard, guardParams } from './flow';
import type { WorkflowRegistry } from './registry';
import type { PersistedReview, Refusal, ReviewEvent, ReviewEventType } from './review-types';

/** A registered guard and the refusal reported when it fails. */
export interface RuleCheck {
  guard: string;
  refusal: Refusal;
}

const BY_DRAFTER: RuleCheck = { guard: 'isDocumentDrafter', refusal: 'not_assignee' };
const BY_ROLE: RuleCheck = { guard: 'holdsStepRole', refusal: 'not_assignee' };
// A task naming a seat that is no longer open is stale: the document moved on under it.
const SEAT_OPEN: RuleCheck = { guard: 'namedSeatIsOpen', refusal: 'invalid_in_state' };
// Someone who filled a seat here has no seat left, but 'already_acted' tells them why.
const NOT_HERE: RuleCheck = { guard: 'notActedAtStep', refusal: 'already_acted' };
const HOLDS_SEAT: RuleCheck = { guard: 'holdsOpenSeat', refusal: 'not_assignee' };
const NOT_OWN: RuleCheck = { guard: 'notOwnDocument', refusal: 'own_document' };
const NOT_TWICE: RuleCheck = { guard: 'notAlreadyActed', refusal: 'already_acted' };
const UNBLOCKED: RuleCheck = { guard: 'seatNotBlocked', refusal: 'seat_blocked' };
// A recall after anyone approved or returned would undo their work, hence 'already_acted'.
// Transfers and added signers are no verdict on the text, so they leave a recall possible.
const UNTOUCHED: RuleCheck = { guard: 'nobodyActed', refusal: 'already_acted' };
// The person a seat is handed or added to must be free to act on it.
const TO_COLLEAGUE: readonly RuleCheck[] = [
  { guard: 'assigneeNotDrafter', refusal: 'own_document' },
  { guard: 'assigneeNotActed', refusal: 'already_acted' },
  { guard: 'assigneeEligible', refusal: 'invalid_assignee' },
];

const SEATED = [SEAT_OPEN, HOLDS_SEAT];
const SEPARATED = [SEAT_OPEN, NOT_HERE, HOLDS_SEAT, NOT_OWN, NOT_TWICE, UNBLOCKED];
const HAND_ON = [...SEPARATED, ...TO_COLLEAGUE];
const RECALL = [BY_DRAFTER, UNTOUCHED];

type EventRules = Partial<Record<ReviewEventType, readonly RuleCheck[]>>;

const REVIEW: EventRules = { APPROVE: SEPARATED, RETURN: SEPARATED, RECALL, TRANSFER: HAND_ON, ADD_SIGNER: HAND_ON };

const RULES_BY_KIND: Record<Exclude<StepDefinition['kind'], 'end'>, EventRules> = {
  fill: { SUBMIT: [BY_DRAFTER] },
  review: REVIEW,
  signoff: { ...REVIEW, REJECT: SEPARATED },
  decision: REVIEW,
  countersign: REVIEW,
  // Filing and publishing are the publisher's routine: one person may do both, and the
  // one seat is open to every publisher, so there is nothing to hand on or add.
  filing: { APPROVE: SEATED, RETURN: SEATED, RECALL },
  publication: { PUBLISH: SEATED, RETURN: SEATED, RECALL },
};

/**
 * The checks an event must pass at a step, or null when the step does not accept it.
 * @example checksFor(stepById(def, 'leader_signoff')!, 'REJECT') // seat open, not acted here, holds a seat, not own, not twice, not blocked
 */
export function checksFor(step: StepDefinition, type: ReviewEventType): readonly RuleCheck[] | null {
  if (step.kind === 'end') {
    return step.id === 'published' && type === 'WITHDRAW_PUBLICATION' ? [BY_ROLE] : null;
  }
  const checks = RULES_BY_KIND[step.kind][type] ?? null;
  // A step's own requirements (a plugin's guard such as 'noSensitiveWords') come after the
  // seat rules, so someone without a seat learns nothing about the text from the refusal.
  if (!checks || !step.requires || (type !== 'APPROVE' && type !== 'PUBLISH')) return checks;
  return [...checks, ...requirementChecks(step.requires)];
}

const requirementCache = new Map<string, readonly RuleCheck[]>();
// Rule-check lists are compared by identity in the compiled guards' memo, so build each once.
function requirementChecks(names: readonly string[]): readonly RuleCheck[] {
  const key = names.join(',');
  const cached = requirementCache.get(key);
  if (cached) return cached;
  const checks = names.map((guard): RuleCheck => ({ guard, refusal: 'requirement_failed' }));
  requirementCache.set(key, checks);
  return checks;
}

/**
 * The refusal of the first rule check this event fails at the current step, or null when it
 * passes them all ('invalid_in_state' when the step does not accept the event at all).
 * @example failedRuleCheck(def, atLegality, { type: 'APPROVE', actor: drafter }, reg) // 'not_assignee'
 */
export function failedRuleCheck(
  def: WorkflowDefinition,
  state: PersistedReview,
  event: ReviewEvent,
  registry: WorkflowRegistry,
): Refusal | null {
  const step = stepById(def, state.value);
  const checks = step && checksFor(step, event.type);
  if (!step || !checks) return 'invalid_in_state';
  const params = guardParams(def, step);
  return checks.find((c) => !evaluateGuard(registry, c.guard, state.context, event, params))?.refusal ?? null;
}

/**
 * Why the machine took no transition for this event: the first failing check, else
 * 'invalid_target' for a RETURN whose target is not allowed, else 'invalid_in_state'.
 * @example explainRefusal(def, atLegality, { type: 'APPROVE', actor: drafter }, reg) // 'not_assignee'
 */
export function explainRefusal(
  def: WorkflowDefinition,
  state: PersistedReview,
  event: ReviewEvent,
  registry: WorkflowRegistry,
): Refusal {
  return failedRuleCheck(def, state, event, registry) ?? (event.type === 'RETURN' ? 'invalid_target' : 'invalid_in_state');
}
