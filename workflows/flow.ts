/**
 * Pure sequencing over a definition: which steps apply to a document, where it flows next,
 * where it may be returned to. The compiled machine's guards and the engine's explanations
 * both call these, so they cannot disagree.
 */
import {
  DRAFT_STEP,
  PUBLICATION_KINDS,
  SEPARATED_KINDS,
  stepById,
  type StepDefinition,
  type WorkflowDefinition,
} from './definition';
import type { GuardParams, WorkflowRegistry } from './registry';
import type { ReviewContext, ReviewEvent } from './review-types';
import { stepSeating } from './seats';

/** Where a document goes when no working step is left for it. */
export const CONCLUDED = 'concluded';

/** Conditions must see what the drafter is submitting, not the facts of the last round. */
function effectiveContext(context: ReviewContext, event: ReviewEvent | undefined): ReviewContext {
  if (event?.type !== 'SUBMIT') return context;
  return { ...context, ...event.facts, drafterId: context.drafterId };
}

/**
 * Runs a registered guard by name; unknown names throw (compile checks them up front).
 * @example evaluateGuard(defaultRegistry, 'isMajorMatter', ctx, undefined, guardParams(def, step))
 */
export function evaluateGuard(
  registry: WorkflowRegistry,
  name: string,
  context: ReviewContext,
  event: ReviewEvent | undefined,
  params: GuardParams,
): boolean {
  const guard = registry.guards.get(name);
  if (!guard) throw new Error(`unknown workflow guard '${name}'`);
  return guard(effectiveContext(context, event), event, params);
}

// Guards run thousands of times per walk of the graph; definitions are never mutated, so
// each step's params are built once per definition object (and seat boards cached on them).
const paramsCache = new WeakMap<WorkflowDefinition, WeakMap<StepDefinition, GuardParams>>();

/**
 * The data every guard receives about the step it guards; the same object for the same
 * definition and step.
 * @example guardParams(def, stepById(def, 'leader_signoff')!).role // 'leader'
 */
export function guardParams(def: WorkflowDefinition, step: StepDefinition): GuardParams {
  const byStep = paramsCache.get(def) ?? new WeakMap<StepDefinition, GuardParams>();
  paramsCache.set(def, byStep);
  const cached = byStep.get(step);
  if (cached) return cached;
  const params: GuardParams = {
    stepId: step.id,
    ...(step.role ? { role: step.role } : {}),
    separatedStepIds: def.steps.filter((s) => SEPARATED_KINDS.includes(s.kind)).map((s) => s.id),
    seating: stepSeating(step),
  };
  byStep.set(step, params);
  return params;
}

/**
 * Whether a working step applies to this document. Filing and publication never apply to a
 * document that is not publishable, whatever the definition says.
 * @example isStepApplicable(def, statsStep, { ...ctx, hasStatistics: false }, undefined, reg) // false
 */
export function isStepApplicable(
  def: WorkflowDefinition,
  step: StepDefinition,
  context: ReviewContext,
  event: ReviewEvent | undefined,
  registry: WorkflowRegistry,
): boolean {
  if (step.kind === 'end') return false;
  const params = guardParams(def, step);
  if (PUBLICATION_KINDS.includes(step.kind) && !evaluateGuard(registry, 'isPublishable', context, event, params)) {
    return false;
  }
  if (!step.when) return true;
  const holds = evaluateGuard(registry, step.when.guard, context, event, params);
  return step.when.not ? !holds : holds;
}

/**
 * The next applicable working step after `fromId`, or 'concluded' when none is left.
 * @example nextStepId(def, 'draft', ctxWithoutStatistics, undefined, reg) // 'legality_review'
 */
export function nextStepId(
  def: WorkflowDefinition,
  fromId: string,
  context: ReviewContext,
  event: ReviewEvent | undefined,
  registry: WorkflowRegistry,
): string {
  const from = def.steps.findIndex((s) => s.id === fromId);
  const next = def.steps.slice(from + 1).find((s) => isStepApplicable(def, s, context, event, registry));
  return next?.id ?? CONCLUDED;
}

/** The declared return targets of a step; a step that declares none may return to the drafter. */
export function declaredReturnTargets(step: StepDefinition): string[] {
  return step.returnTargets ?? [DRAFT_STEP];
}

/**
 * Declared targets this document actually passed through: the draft, or earlier steps that
 * apply to its facts.
 * @example returnTargetIds(def, 'secrecy_review', ctxWithoutStatistics, reg) // ['draft', 'legality_review']
 */
export function returnTargetIds(
  def: WorkflowDefinition,
  stepId: string,
  context: ReviewContext,
  registry: WorkflowRegistry,
): string[] {
  const step = stepById(def, stepId);
  if (!step || step.kind === 'fill' || step.kind === 'end') return [];
  return declaredReturnTargets(step).filter((id) => {
    const target = stepById(def, id);
    return !!target && (target.kind === 'fill' || isStepApplicable(def, target, context, undefined, registry));
  });
}

/**
 * The step ids from `stepId` to the end, whose approvals a return to `stepId` undoes.
 * @example stepIdsFrom(def, 'legality_review') // ['legality_review', 'secrecy_review', ...]
 */
export function stepIdsFrom(def: WorkflowDefinition, stepId: string): string[] {
  const at = def.steps.findIndex((s) => s.id === stepId);
  return at === -1 ? [] : def.steps.slice(at).map((s) => s.id);
}
