/**
 * Runs a sample request through a (draft) request-flow definition with the compiled machine,
 * without any database: the editor's "simulate" panel for the request flow. The admin picks
 * an event at each step; dates and people are stand-ins chosen so the statutory checks can
 * pass (a lapse is dated the day after its limit, a review is by someone other than the
 * drafter, an extension is approved by the office head).
 */
import { addDays, createWorkCalendar, type IsoDate, type WorkCalendar } from '../calendar/index';
import type { LocalizedText } from '../definition';
import { requestDeadlines } from './request-clocks';
import { startRequest, stepRequest, type PersistedRequest } from './request-engine';
import { requestFlowDefinitionSchema, type RequestFlowDefinition } from './request-flow-definition';
import { defaultRequestRegistry, type RequestFlowRegistry } from './request-registry';
import { EXTENSION_APPROVER_ROLE, type RequestActor, type RequestEvent, type RequestEventType } from './request-types';

export interface RequestSimulationVisit {
  stepId: string;
  /** The event that led here; null for the start. */
  via: RequestEventType | null;
  state: PersistedRequest;
}

export interface RequestSimulationResult {
  visits: RequestSimulationVisit[];
  stopped?: { index: number; event: RequestEventType; reason: LocalizedText };
}

/** A Monday without holidays around it, so the sample's dates read simply. */
export const SIMULATION_RECEIVED_ON = '2026-03-02';

const REFUSED: Record<'invalid_definition' | 'not_offered' | 'refused', LocalizedText> = {
  invalid_definition: { zh: '流程定义不完整，无法模拟', en: 'the definition is incomplete and cannot be simulated' },
  not_offered: { zh: '当前步骤不接受该操作', en: 'the current step does not accept this' },
  refused: { zh: '该操作未通过本步骤的检查', en: 'the step’s checks refused this' },
};

/** A private registry: the draft may share key and version with a stored one, and forced conditions must not leak. */
function simulationRegistry(base: RequestFlowRegistry, forced: Record<string, boolean>): RequestFlowRegistry {
  const guards = new Map(base.guards);
  for (const [name, value] of Object.entries(forced)) {
    const entry = guards.get(name);
    if (entry?.use === 'condition') guards.set(name, { ...entry, fn: () => value });
  }
  return { guards, revision: 0 };
}

function sampleDate(type: RequestEventType, state: PersistedRequest, calendar: WorkCalendar): IsoDate {
  const last = state.context.clock.at(-1)?.date ?? state.context.receivedOn;
  const d = requestDeadlines(state.context.clock, calendar);
  if (type === 'CLOSE_UNCORRECTED' && d.correctionPeriod) return addDays(d.correctionPeriod, 1);
  if (type === 'CLOSE_FEE_UNPAID' && d.feePayment) return addDays(d.feePayment, 1);
  return addDays(last, 1);
}

function sampleEvent(def: RequestFlowDefinition, type: RequestEventType, state: PersistedRequest, calendar: WorkCalendar, n: number): RequestEvent {
  const role = def.steps.find((s) => s.id === state.value)?.role ?? 'publisher';
  // A new person for every review, so "not the drafter" and "not the one who asked" hold.
  const actor: RequestActor =
    type === 'APPROVE_EXTENSION' ? { id: 'sim-head', roles: [EXTENSION_APPROVER_ROLE] } : { id: type === 'REVIEW_REPLY' ? `sim-reviewer-${n}` : 'sim-clerk', roles: [role, 'publisher'] };
  const base = { date: sampleDate(type, state, calendar), actor };
  if (type === 'REQUEST_EXTENSION') return { type, days: 20, ...base };
  if (type === 'DRAFT_REPLY') return { type, result: 'disclose', subReason: null, ...base };
  return { type, ...base } as RequestEvent;
}

/**
 * Runs the events in order from a new request and reports each step reached.
 * @example simulateRequestFlow(requestFlowDefinition, ['ACCEPT', 'DRAFT_REPLY']).visits.map((v) => v.stepId) // ['registered', 'accepted', 'reply_drafted']
 */
export function simulateRequestFlow(
  input: unknown,
  events: readonly RequestEventType[],
  options: { guards?: Record<string, boolean>; calendar?: WorkCalendar; registry?: RequestFlowRegistry } = {},
): RequestSimulationResult {
  const parsed = requestFlowDefinitionSchema.safeParse(input);
  const first = events[0] ?? 'ACCEPT';
  if (!parsed.success) return { visits: [], stopped: { index: 0, event: first, reason: REFUSED.invalid_definition } };
  const def = parsed.data as RequestFlowDefinition;
  const calendar = options.calendar ?? createWorkCalendar();
  const registry = simulationRegistry(options.registry ?? defaultRequestRegistry, options.guards ?? {});
  let state: PersistedRequest;
  try {
    state = startRequest(calendar, SIMULATION_RECEIVED_ON, def, registry);
  } catch {
    return { visits: [], stopped: { index: 0, event: first, reason: REFUSED.invalid_definition } };
  }
  const visits: RequestSimulationVisit[] = [{ stepId: state.value, via: null, state }];
  for (const [index, type] of events.entries()) {
    const offered = def.steps.find((s) => s.id === state.value)?.transitions?.some((t) => t.event === type);
    if (!offered) return { visits, stopped: { index, event: type, reason: REFUSED.not_offered } };
    const step = stepRequest(calendar, state, sampleEvent(def, type, state, calendar, index), def, registry);
    if (!step) return { visits, stopped: { index, event: type, reason: REFUSED.refused } };
    state = step.state;
    visits.push({ stepId: state.value, via: type, state });
  }
  return { visits };
}

/** The distinct events the current step offers, in the definition's order. */
export function offeredEvents(def: RequestFlowDefinition, stepId: string): RequestEventType[] {
  return [...new Set((def.steps.find((s) => s.id === stepId)?.transitions ?? []).map((t) => t.event))];
}
