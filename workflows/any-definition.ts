/**
 * The two families of workflow definitions stored side by side in workflow_definitions:
 * release review (no `flow` field, the original format, unchanged) and the request flow
 * (`flow: 'request'`). One parse for either, for the admin pages, the CLI and the store.
 */
import { workflowDefinitionSchema, type WorkflowDefinition } from './definition';
import { isRequestFlowInput, requestFlowDefinitionSchema, type RequestFlowDefinition } from './requests/request-flow-definition';

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
