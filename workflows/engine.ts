/**
 * The review engine the server and client call. Every function is pure: it restores the
 * stored state against the definition's compiled machine, asks XState's pure
 * `transition`, and returns plain JSON plus effect names. Nothing here runs an effect.
 */
import { initialTransition } from 'xstate';
import { DRAFT_STEP, PUBLICATION_KINDS, isEndStateId, stepById, type StepDefinition, type WorkflowDefinition } from './definition';
import { compileWorkflow, type ReviewMachine } from './compile';
import { pureTransition } from './pure-transition';
import { returnTargetIds } from './flow';
import { defaultRegistry, type WorkflowRegistry } from './registry';
import { releaseReviewDefinition } from './release-review.definition';
import { ROLES } from './roles';
import {
  REVIEW_EVENT_TYPES,
  type Actor,
  type DocumentFacts,
  type PersistedReview,
  type Refusal,
  type ReviewEvent,
  type ReviewEventType,
  type ReviewStatus,
} from './review-types';
import { explainRefusal, failedRuleCheck } from './step-rules';

export type ApplyResult = { ok: true; state: PersistedReview; effects: string[] } | { ok: false; refusal: Refusal };

function restore(machine: ReviewMachine, def: WorkflowDefinition, state: PersistedReview) {
  if (!stepById(def, state.value)) throw new Error(`state '${state.value}' is not a step of ${def.key}@${def.version}`);
  return machine.resolveState({ value: state.value, context: state.context });
}

function persist(snapshot: { value: unknown; context: PersistedReview['context'] }): PersistedReview {
  // A JSON round trip drops XState internals and shares no arrays with the input state.
  return JSON.parse(JSON.stringify({ value: snapshot.value, context: snapshot.context })) as PersistedReview;
}

/**
 * The state of a new document: at the draft step, round 0.
 * @example const state = startReview(def, { hasStatistics: false, isMajorMatter: false, attribute: 'open', categoryCode: 'A01', drafterId: 'u1' });
 */
export function startReview(def: WorkflowDefinition, facts: DocumentFacts, registry: WorkflowRegistry = defaultRegistry): PersistedReview {
  const [snapshot] = initialTransition(compileWorkflow(def, registry), facts);
  return persist(snapshot);
}

/**
 * Applies one event. On success returns the next state and the effect names to run after
 * the server commits; otherwise the refusal, and the state is unchanged.
 * @example applyReviewEvent(def, state, { type: 'APPROVE', actor: { id: 'u2', roles: ['legal'] } })
 */
export function applyReviewEvent(
  def: WorkflowDefinition,
  state: PersistedReview,
  event: ReviewEvent,
  registry: WorkflowRegistry = defaultRegistry,
): ApplyResult {
  const machine = compileWorkflow(def, registry);
  const snapshot = restore(machine, def, state);
  // Every transition of the machine is guarded by the same rule checks, so an event failing
  // one would take none: answer it with the reason, without asking XState.
  const refusal = failedRuleCheck(def, state, event, registry);
  if (refusal) return { ok: false, refusal };
  const [next, actions] = pureTransition(machine, snapshot, event);
  // XState hands back the very same snapshot when no transition was enabled.
  if (next === snapshot) return { ok: false, refusal: explainRefusal(def, state, event, registry) };
  const effects = actions.map((a) => a.type).filter((name) => registry.actions.has(name));
  return { ok: true, state: persist(next), effects };
}

/**
 * The definition of the current step, or of the end state (kind 'end') once review is over.
 * @example currentStep(def, state)?.label.zh // '合法性审查'
 */
export function currentStep(def: WorkflowDefinition, state: PersistedReview): StepDefinition | undefined {
  return stepById(def, state.value);
}

/**
 * A colleague no real user id can equal, free of every restriction: TRANSFER and ADD_SIGNER
 * are offered when the actor may hand on or add to *someone*; whom is the server's question.
 */
export const ANY_COLLEAGUE = '\u0000any-colleague';

function candidateEvents(def: WorkflowDefinition, state: PersistedReview, actor: Actor, type: ReviewEventType, registry: WorkflowRegistry): ReviewEvent[] {
  const { hasStatistics, isMajorMatter, attribute, categoryCode, drafterId } = state.context;
  switch (type) {
    case 'SUBMIT':
      return [{ type, actor, facts: { hasStatistics, isMajorMatter, attribute, categoryCode, drafterId } }];
    case 'RETURN':
      return returnTargetIds(def, state.value, state.context, registry).map((target) => ({ type, actor, target }));
    case 'TRANSFER':
      return [{ type, actor, toUserId: ANY_COLLEAGUE, toRoles: ROLES }];
    case 'ADD_SIGNER':
      return [{ type, actor, userId: ANY_COLLEAGUE, position: 'before' }, { type, actor, userId: ANY_COLLEAGUE, position: 'after' }];
    default:
      return [{ type, actor }];
  }
}

/**
 * The events this actor may send now, in a fixed order; exactly those applyReviewEvent
 * would accept (RETURN when at least one target is allowed, TRANSFER and ADD_SIGNER when
 * some eligible colleague would be accepted). Drives the UI's buttons.
 * @example availableEvents(def, state, { id: 'u3', roles: ['leader'] }) // ['APPROVE', 'RETURN', 'REJECT', 'TRANSFER', 'ADD_SIGNER']
 */
export function availableEvents(
  def: WorkflowDefinition,
  state: PersistedReview,
  actor: Actor,
  registry: WorkflowRegistry = defaultRegistry,
): ReviewEventType[] {
  const machine = compileWorkflow(def, registry);
  const snapshot = restore(machine, def, state);
  return REVIEW_EVENT_TYPES.filter((type) =>
    candidateEvents(def, state, actor, type, registry).some((event) => snapshot.can(event)),
  );
}

/**
 * Whether this actor may send any event now, i.e. `availableEvents(...).length > 0`, stopping
 * at the first accepted one: the inbox asks it of every listed task, and asking XState about
 * every event type for 200 rows was most of the inbox's time.
 * @example hasAvailableEvent(def, atLegality, users.legal) // true (APPROVE is accepted)
 */
export function hasAvailableEvent(def: WorkflowDefinition, state: PersistedReview, actor: Actor, registry: WorkflowRegistry = defaultRegistry): boolean {
  const machine = compileWorkflow(def, registry);
  const snapshot = restore(machine, def, state);
  return REVIEW_EVENT_TYPES.some((type) => candidateEvents(def, state, actor, type, registry).some((event) => snapshot.can(event)));
}

/**
 * Where the current step may return the document: declared targets it actually passed
 * through under the document's facts. Empty at the draft and at end states.
 * @example returnTargetsFor(def, atSecrecyWithoutStatistics) // ['draft', 'legality_review']
 */
export function returnTargetsFor(def: WorkflowDefinition, state: PersistedReview, registry: WorkflowRegistry = defaultRegistry): string[] {
  return returnTargetIds(def, state.value, state.context, registry);
}

/**
 * The coarse status shown in lists. Pass the document's pinned definition: without it the
 * default release-review definition decides which steps count as awaiting publication.
 * @example reviewStatus(startReview(def, facts)) // 'draft'
 */
export function reviewStatus(state: PersistedReview, def: WorkflowDefinition = releaseReviewDefinition): ReviewStatus {
  if (isEndStateId(state.value)) return state.value;
  if (state.value === DRAFT_STEP) return state.context.lastReturn ? 'returned' : 'draft';
  const step = stepById(def, state.value);
  return step && PUBLICATION_KINDS.includes(step.kind) ? 'awaiting_publication' : 'in_review';
}
