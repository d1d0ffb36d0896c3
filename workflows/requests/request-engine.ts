/**
 * One step of a request's handling, by value: restore the stored snapshot, compute the next
 * one with XState's pure `transition`, hand back plain JSON. The server stores the result.
 * Every function takes the definition the request is pinned to (version 1 when not given).
 */
import { initialTransition, transition } from 'xstate';
import type { IsoDate, WorkCalendar } from '../calendar/index';
import type { ClockEvent } from '../clocks/index';
import { createRequestMachine, type RequestContext, type RequestEvent, type RequestState } from './request.machine';
import type { RequestFlowDefinition } from './request-flow-definition';
import { requestFlowDefinition } from './request-flow.definition';
import type { RequestFlowRegistry } from './request-registry';

export interface PersistedRequest {
  /** A step id of the pinned definition (RequestState for version 1). */
  value: RequestState;
  context: RequestContext;
}

/** A freshly registered request. `startRequest(calendar, '2026-03-02').value` → 'registered' */
export function startRequest(calendar: WorkCalendar, receivedOn: IsoDate, definition: RequestFlowDefinition = requestFlowDefinition, registry?: RequestFlowRegistry): PersistedRequest {
  const [snapshot] = initialTransition(createRequestMachine(calendar, definition, registry), { receivedOn });
  return { value: snapshot.value as RequestState, context: snapshot.context };
}

export interface RequestStep {
  state: PersistedRequest;
  /** The dated events this step added (for request_events). */
  added: ClockEvent[];
}

/**
 * The next state, or null when the machine refuses the event in this state.
 *
 * @example
 * stepRequest(calendar, startRequest(calendar, '2026-03-02'), { type: 'ACCEPT', date: '2026-03-03', actor })?.state.value // 'accepted'
 */
export function stepRequest(calendar: WorkCalendar, current: PersistedRequest, event: RequestEvent, definition: RequestFlowDefinition = requestFlowDefinition, registry?: RequestFlowRegistry): RequestStep | null {
  const machine = createRequestMachine(calendar, definition, registry);
  if (!definition.steps.some((s) => s.id === current.value)) return null;
  const snapshot = machine.resolveState({ value: current.value, context: current.context });
  const [next] = transition(machine, snapshot, event);
  // Every accepted event records at least one dated event; an unchanged clock means refused.
  if (next.context.clock.length === current.context.clock.length) return null;
  return { state: { value: next.value as RequestState, context: next.context }, added: next.context.clock.slice(current.context.clock.length) };
}

/** Which events the machine would accept now (for the action panel), given a date and actor. */
export function acceptedEvents(calendar: WorkCalendar, current: PersistedRequest, candidates: readonly RequestEvent[], definition: RequestFlowDefinition = requestFlowDefinition): RequestEvent['type'][] {
  return candidates.filter((event) => stepRequest(calendar, current, event, definition) !== null).map((e) => e.type);
}
