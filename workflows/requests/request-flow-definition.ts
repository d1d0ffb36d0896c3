/**
 * The request flow (依申请公开) as data, in the same editable family as release review: a
 * definition with `flow: 'request'` lists steps (states) by kind, who is assigned, the named
 * deadline that runs while a request waits there, and its transitions — which staff event
 * leads where, under which extra named conditions. The statutory checks and the record of
 * each event are the registry's (request-registry.ts), not the definition's.
 */
import { z } from 'zod';
import type { LocalizedText } from '../definition';
import { ROLES, type Role } from '../roles';
import type { DeadlineKind } from './request-clocks';
import { REQUEST_CLOSED_STATE, REQUEST_EVENT_TYPES, type RequestEventType } from './request-types';

/** The family tag every request-flow definition carries. */
export const REQUEST_FLOW = 'request';

/**
 * Step kinds: where a request is in its handling (intake 登记, handling 办理, waiting on the
 * applicant's correction, a consulted party or the fee, a reply letter awaiting review, a
 * reviewed letter awaiting dispatch, the end). The static rules read them: abandonment only
 * while waiting on the applicant.
 */
export const REQUEST_STEP_KINDS = ['intake', 'handling', 'wait_correction', 'wait_consultation', 'wait_fee', 'reply_review', 'reply_send', 'end'] as const;
export type RequestStepKind = (typeof REQUEST_STEP_KINDS)[number];

/** The named deadlines (timers) a step may show; they are computed by request-clocks.ts. */
export const REQUEST_DEADLINE_KINDS = ['correction_notice', 'correction_period', 'consultation', 'fee_payment', 'reply'] as const satisfies readonly DeadlineKind[];

export interface RequestTransition {
  event: RequestEventType;
  /** The step it leads to; without it the request stays where it is (e.g. an extension). */
  to?: string;
  /** Extra named conditions of the registry, all of which must hold. */
  guards?: string[];
}

export interface RequestStepDefinition {
  id: string;
  kind: RequestStepKind;
  label: LocalizedText;
  /** Who handles a request at this step. */
  role?: Role;
  /** The deadline that matters while a request is here; the reply limit when not said. */
  deadline?: DeadlineKind;
  transitions?: RequestTransition[];
}

export interface RequestFlowDefinition {
  key: string;
  version: number;
  flow: typeof REQUEST_FLOW;
  name: LocalizedText;
  steps: RequestStepDefinition[];
}

const localizedText = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower snake_case identifier');

const transitionSchema = z.object({
  event: z.enum(REQUEST_EVENT_TYPES),
  to: identifier.optional(),
  guards: z.array(z.string().min(1)).min(1).optional(),
});

const stepSchema = z.object({
  id: identifier,
  kind: z.enum(REQUEST_STEP_KINDS),
  label: localizedText,
  role: z.enum(ROLES).optional(),
  deadline: z.enum(REQUEST_DEADLINE_KINDS).optional(),
  transitions: z.array(transitionSchema).optional(),
});

type Step = z.infer<typeof stepSchema>;

/** Structural rules the compiler relies on; the graph rules are validate-request-flow.ts's. */
function checkSteps(steps: readonly Step[], ctx: z.RefinementCtx): void {
  const issue = (code: string, zh: string, en: string, path: (string | number)[]) =>
    ctx.addIssue({ code: 'custom', message: en, path: ['steps', ...path], params: { code, zh } });
  const ids = steps.map((s) => s.id);
  if (steps[0]?.kind !== 'intake') issue('first_step', '第一步必须是类型为「登记」的步骤', "the first step must be of kind 'intake'", [0, 'kind']);
  const ends = steps.filter((s) => s.kind === 'end');
  if (ends.length !== 1 || ends[0]!.id !== REQUEST_CLOSED_STATE) {
    issue('end_missing', `必须有且只有一个结束状态「${REQUEST_CLOSED_STATE}」`, `exactly one end step '${REQUEST_CLOSED_STATE}' is needed`, []);
  }
  steps.forEach((step, i) => {
    if (ids.indexOf(step.id) !== i) issue('duplicate_id', `步骤编号「${step.id}」重复`, `duplicate step id '${step.id}'`, [i, 'id']);
    if (step.kind === 'intake' && i !== 0) issue('intake_not_first', '只有第一步可以是登记步骤', 'only the first step may be an intake step', [i, 'kind']);
    if (step.kind === 'end' && step.transitions?.length) issue('end_transitions', '结束状态不能再有流转', 'an end step has no transitions', [i, 'transitions']);
    step.transitions?.forEach((t, n) => {
      if (t.to !== undefined && !ids.includes(t.to)) issue('unknown_target', `流转目标「${t.to}」不存在`, `transition target '${t.to}' does not exist`, [i, 'transitions', n, 'to']);
    });
  });
}

/**
 * Validates a request-flow definition's shape before it is checked further or compiled.
 * @example requestFlowDefinitionSchema.parse(JSON.parse(upload)) // throws ZodError on bad data
 */
export const requestFlowDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower kebab-case key'),
    version: z.number().int().positive(),
    flow: z.literal(REQUEST_FLOW),
    name: localizedText,
    steps: z.array(stepSchema).min(1),
  })
  .superRefine((def, ctx) => checkSteps(def.steps, ctx));

/** Whether a parsed-or-not JSON value claims to be a request-flow definition. */
export function isRequestFlowInput(input: unknown): boolean {
  return !!input && typeof input === 'object' && (input as { flow?: unknown }).flow === REQUEST_FLOW;
}

/** The step with this id. @example requestStepById(def, 'accepted')?.kind // 'handling' */
export function requestStepById(def: RequestFlowDefinition, id: string): RequestStepDefinition | undefined {
  return def.steps.find((s) => s.id === id);
}
