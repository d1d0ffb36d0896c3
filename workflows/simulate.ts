/**
 * Runs a sample document through a (draft) definition with the real engine, without any
 * database: the editor's "simulate" panel. One 'approve' completes the current step the way
 * its seats would (every seat of a 会签, the first of a 或签), by stand-in people who hold
 * exactly the seat's role, so separation of duties is exercised as in real life.
 */
import type { DisclosureAttribute } from '../forms/disclosure';
import { DRAFT_STEP, type LocalizedText, type WorkflowDefinition, workflowDefinitionSchema } from './definition';
import { applyReviewEvent, currentStep, reviewStatus, startReview } from './engine';
import type { WorkflowRegistry } from './registry';
import { defaultRegistry } from './registry';
import type { Actor, DocumentFacts, PersistedReview, Refusal, ReviewEvent, ReviewStatus } from './review-types';
import { ROLES } from './roles';
import { seatBoard } from './seats';
import { guardParams } from './flow';

/** What the admin chooses at a step: approve (submit at the draft, publish at publication), return to a step, reject. */
export type SimulationEvent = 'approve' | 'reject' | `return:${string}`;

export interface SimulationInput {
  attribute: DisclosureAttribute;
  /** The document's facts as the conditions read them. */
  facts?: Partial<Pick<DocumentFacts, 'hasStatistics' | 'isMajorMatter' | 'categoryCode'>>;
  /** Forced answers of named guards (e.g. a plugin's 'noSensitiveWords'), for conditions no fact decides. */
  guards?: Record<string, boolean>;
}

export interface SimulationVisit {
  stepId: string;
  /** The event that led here; null for the start at the draft. */
  via: SimulationEvent | null;
  status: ReviewStatus;
  state: PersistedReview;
}

export interface SimulationResult {
  visits: SimulationVisit[];
  /** Set when an event could not be applied; the simulation stops there. */
  stopped?: { index: number; event: SimulationEvent; reason: LocalizedText };
}

const DRAFTER: Actor = { id: 'sim-drafter', roles: ['drafter'] };

const REFUSAL_TEXT: Record<Refusal | 'invalid_definition' | 'unknown_event', LocalizedText> = {
  not_assignee: { zh: '该步骤没有可办理的人', en: 'nobody can act at this step' },
  own_document: { zh: '起草人不能审查本人的文件', en: 'the drafter cannot review their own document' },
  already_acted: { zh: '同一人本轮已审批过，不能重复审批', en: 'the same person already approved this round' },
  seat_blocked: { zh: '需先等待加签人员审批', en: 'waits for an added signer' },
  invalid_assignee: { zh: '所选人员不能办理该步骤', en: 'that person cannot take the seat' },
  invalid_in_state: { zh: '当前步骤不接受该操作', en: 'the current step does not accept this' },
  invalid_target: { zh: '不能退回到该步骤', en: 'cannot return to that step' },
  requirement_failed: { zh: '未通过本步骤要求的检查', en: "a check this step requires did not pass" },
  invalid_definition: { zh: '流程定义不完整，无法模拟', en: 'the definition is incomplete and cannot be simulated' },
  unknown_event: { zh: '未知的操作', en: 'unknown event' },
};

/** A private registry: the draft may share key and version with a stored one, and forced guards must not leak. */
function simulationRegistry(base: WorkflowRegistry, forced: Record<string, boolean>): WorkflowRegistry {
  const guards = new Map(base.guards);
  for (const [name, value] of Object.entries(forced)) if (guards.has(name)) guards.set(name, () => value);
  return { guards, actions: new Set(base.actions), revision: 0 };
}

/** Stand-ins for the open seats of the current step, in seat order. */
function seatActors(def: WorkflowDefinition, state: PersistedReview): Actor[] {
  const step = currentStep(def, state);
  if (!step) return [];
  const board = seatBoard(guardParams(def, step).seating, state.context);
  return board
    .filter((s) => !s.approvedBy)
    .map((s) => (s.userId ? { id: s.userId, roles: ROLES } : { id: `sim-${s.id}`, roles: s.role ? [s.role] : [] }));
}

function eventsFor(def: WorkflowDefinition, state: PersistedReview, event: SimulationEvent, facts: DocumentFacts): ReviewEvent[] | null {
  const step = currentStep(def, state);
  if (state.value === DRAFT_STEP) return event === 'approve' ? [{ type: 'SUBMIT', actor: DRAFTER, facts }] : null;
  const actors = seatActors(def, state);
  const actor = actors[0] ?? { id: 'sim-nobody', roles: [] };
  if (event === 'reject') return [{ type: 'REJECT', actor }];
  if (event.startsWith('return:')) return [{ type: 'RETURN', actor, target: event.slice('return:'.length) }];
  if (event !== 'approve') return null;
  if (step?.kind === 'publication') return [{ type: 'PUBLISH', actor }];
  return actors.length ? actors.map((a) => ({ type: 'APPROVE', actor: a })) : [{ type: 'APPROVE', actor }];
}

/**
 * Runs the events in order from a new document and reports each step reached.
 * @example simulate(def, { attribute: 'open' }, ['approve', 'approve', 'return:draft']).visits.map((v) => v.stepId) // ['draft', 'legality_review', 'secrecy_review', 'draft']
 */
export function simulate(
  input: unknown,
  sample: SimulationInput,
  events: readonly SimulationEvent[],
  registry: WorkflowRegistry = defaultRegistry,
): SimulationResult {
  const parsed = workflowDefinitionSchema.safeParse(input);
  if (!parsed.success) return { visits: [], stopped: { index: 0, event: events[0] ?? 'approve', reason: REFUSAL_TEXT.invalid_definition } };
  const def = parsed.data;
  const reg = simulationRegistry(registry, sample.guards ?? {});
  const facts: DocumentFacts = {
    hasStatistics: sample.facts?.hasStatistics ?? false,
    isMajorMatter: sample.facts?.isMajorMatter ?? false,
    categoryCode: sample.facts?.categoryCode ?? '',
    attribute: sample.attribute,
    drafterId: DRAFTER.id,
  };
  let state: PersistedReview;
  try {
    state = startReview(def, facts, reg);
  } catch {
    return { visits: [], stopped: { index: 0, event: events[0] ?? 'approve', reason: REFUSAL_TEXT.invalid_definition } };
  }
  const visits: SimulationVisit[] = [{ stepId: state.value, via: null, status: reviewStatus(state, def), state }];
  for (const [index, event] of events.entries()) {
    const sequence = eventsFor(def, state, event, facts);
    if (!sequence) return { visits, stopped: { index, event, reason: REFUSAL_TEXT[event === 'approve' ? 'invalid_in_state' : 'unknown_event'] } };
    let next = state;
    for (const e of sequence) {
      // A 或签 step is done after its first approval: the remaining stand-ins are not asked.
      if (next.value !== state.value) break;
      const result = applyReviewEvent(def, next, e, reg);
      if (!result.ok) return { visits, stopped: { index, event, reason: REFUSAL_TEXT[result.refusal] } };
      next = result.state;
    }
    state = next;
    visits.push({ stepId: state.value, via: event, status: reviewStatus(state, def), state });
  }
  return { visits };
}

// The request flow's simulation, for definitions with `flow: 'request'`.
export { simulateRequestFlow, offeredEvents, type RequestSimulationResult, type RequestSimulationVisit } from './requests/simulate-request-flow';
