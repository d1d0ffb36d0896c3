/**
 * The two families of workflow definitions stored side by side in workflow_definitions:
 * release review (no `flow` field, the original format, unchanged) and the request flow
 * (`flow: 'request'`). One parse for either, for the admin pages, the CLI and the store.
 */
import type { WorkCalendar } from './calendar/index';
import { compileWorkflow, type ReviewMachine } from './compile';
import { workflowDefinitionSchema, type WorkflowDefinition } from './definition';
import type { WorkflowRegistry } from './registry';
import { compileRequestFlow, type RequestMachine } from './requests/compile-request-flow';
import { isRequestFlowInput, requestFlowDefinitionSchema, type RequestFlowDefinition } from './requests/request-flow-definition';
import type { RequestFlowRegistry } from './requests/request-registry';

export type AnyWorkflowDefinition = WorkflowDefinition | RequestFlowDefinition;

/** True for a request-flow definition. */
export function isRequestFlow(def: AnyWorkflowDefinition): def is RequestFlowDefinition {
  return (def as { flow?: unknown }).flow === 'request';
}

/**
 * Parses a definition of either family (throws ZodError when invalid); unknown keys are dropped.
 * @example parseAnyDefinition(JSON.parse(file)).key // 'info-request'
 */
export function parseAnyDefinition(input: unknown): AnyWorkflowDefinition {
  return isRequestFlowInput(input) ? (requestFlowDefinitionSchema.parse(input) as RequestFlowDefinition) : (workflowDefinitionSchema.parse(input) as WorkflowDefinition);
}

/**
 * The compile step for either family: validate, resolve every named guard and action in its
 * registry, build the XState v5 machine, cache it per key and version. The request flow's
 * guards read the working-day calendar, so it is compiled over one.
 * @example compileDefinition(requestFlowDefinition, { calendar }).id // 'info-request-v1'
 */
export function compileDefinition(
  def: AnyWorkflowDefinition,
  options: { calendar: WorkCalendar; registry?: WorkflowRegistry; requestRegistry?: RequestFlowRegistry },
): ReviewMachine | RequestMachine {
  return isRequestFlow(def) ? compileRequestFlow(def, options.calendar, options.requestRegistry) : compileWorkflow(def, options.registry);
}
