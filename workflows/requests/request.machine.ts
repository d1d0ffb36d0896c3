/**
 * The handling of one information request (依申请公开) as an XState v5 machine, compiled from
 * the request-flow definition (request-flow.definition.ts, version 1 unless another is given):
 *
 * registered → accepted, or awaiting_correction (补正, asked once within 7 working days of
 * receipt; the corrected request restarts the reply clock; no correction in time → closed as
 * other/no_correction_in_time) → optional consultation (征求意见; the reply clock stands
 * still) → optional extension (延期, once, ≤ 20 working days, approved by the disclosure office
 * head — role 'leader' — who is not the one who asked) → optional fee notice (信息处理费;
 * unpaid in time → closed as other/fee_unpaid_in_time) → reply drafted with one result and
 * sub-reason → reviewed by someone other than its drafter → sent → closed.
 *
 * Pure: the guards read the working-day calendar the machine was made with and the dates the
 * events carry; the clock events needed for deadlines live in the context.
 */
import type { WorkCalendar } from '../calendar/index';
import { compileRequestFlow, type RequestMachine } from './compile-request-flow';
import type { RequestFlowDefinition } from './request-flow-definition';
import { requestFlowDefinition } from './request-flow.definition';
import type { RequestFlowRegistry } from './request-registry';

export * from './request-types';
export type { RequestMachine };

/**
 * The machine of a request-flow definition over a calendar.
 *
 * @example
 * const machine = createRequestMachine(calendar);
 * const [s] = initialTransition(machine, { receivedOn: '2026-03-02' }); // s.value === 'registered'
 */
export function createRequestMachine(calendar: WorkCalendar, definition: RequestFlowDefinition = requestFlowDefinition, registry?: RequestFlowRegistry): RequestMachine {
  return compileRequestFlow(definition, calendar, registry);
}
