/** Shared pieces of the request-flow unit tests. */
import { createWorkCalendar } from '../calendar/index';
import type { RequestActor, RequestEvent } from './request.machine';
import { startRequest, stepRequest, type PersistedRequest } from './request-engine';

export const calendar = createWorkCalendar();
export const clerk: RequestActor = { id: 'clerk', roles: ['publisher'] };
export const clerk2: RequestActor = { id: 'clerk2', roles: ['publisher'] };
export const head: RequestActor = { id: 'head', roles: ['leader'] };

/** Runs events in order from a request received on `receivedOn`; throws on the first refused one. */
export function run(receivedOn: string, events: readonly RequestEvent[]): PersistedRequest {
  let state = startRequest(calendar, receivedOn);
  for (const event of events) {
    const step = stepRequest(calendar, state, event);
    if (!step) throw new Error(`refused ${event.type} on ${event.date} in ${state.value}`);
    state = step.state;
  }
  return state;
}
