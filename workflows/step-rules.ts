/**
 * Which events each kind of step accepts, and the ordered rule checks each must pass. The
 * compiler turns a check list into the machine's guard; the engine walks the same list to
 * say why the machine refused an event.
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
const NOT_OWN: RuleCheck = { guard: 'notOwnDocument', refusal: 'own_document' };
const NOT_TWICE: RuleCheck = { guard: 'notAlreadyActed', refusal: 'already_acted' };
// A recall after anyone approved or returned would undo their work, hence 'already_acted'.
const UNTOUCHED: RuleCheck = { guard: 'nobodyActed', refusal: 'already_acted' };

const SEPARATED = [BY_ROLE, NOT_OWN, NOT_TWICE];
const RECALL = [BY_DRAFTER, UNTOUCHED];

type EventRules = Partial<Record<ReviewEventType, readonly RuleCheck[]>>;

const RULES_BY_KIND: Record<Exclude<StepDefinition['kind'], 'end'>, EventRules> = {
  fill: { SUBMIT: [BY_DRAFTER] },
  review: { APPROVE: SEPARATED, RETURN: SEPARATED, RECALL },
  signoff: { APPROVE: SEPARATED, RETURN: SEPARATED, REJECT: SEPARATED, RECALL },
  decision: { APPROVE: SEPARATED, RETURN: SEPARATED, RECALL },
  // Filing and publishing are the publisher's routine: one person may do both.
  filing: { APPROVE: [BY_ROLE], RETURN: [BY_ROLE], RECALL },
  publication: { PUBLISH: [BY_ROLE], RETURN: [BY_ROLE], RECALL },
};

/**
 * The checks an event must pass at a step, or null when the step does not accept it.
 * @example checksFor(stepById(def, 'leader_signoff')!, 'REJECT') // role, own document, already acted
 */
export function checksFor(step: StepDefinition, type: ReviewEventType): readonly RuleCheck[] | null {
  if (step.kind === 'end') {
    return step.id === 'published' && type === 'WITHDRAW_PUBLICATION' ? [BY_ROLE] : null;
  }
  return RULES_BY_KIND[step.kind][type] ?? null;
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
  const step = stepById(def, state.value);
  const checks = step && checksFor(step, event.type);
  if (!step || !checks) return 'invalid_in_state';
  const params = guardParams(def, step);
  const failed = checks.find((c) => !evaluateGuard(registry, c.guard, state.context, event, params));
  if (failed) return failed.refusal;
  return event.type === 'RETURN' ? 'invalid_target' : 'invalid_in_state';
}
