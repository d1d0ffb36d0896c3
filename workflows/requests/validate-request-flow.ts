/**
 * Static validation of a request-flow definition before it may be published: the schema's
 * structural rules, then the graph rules below. Every issue names its step in Chinese and
 * English. Pure: the editor runs it as the admin types, the server again on publish.
 *
 * Rules: every named condition is registered; every step is assigned; every step can be
 * reached; no step without a way out; the end can be reached from every step; a reply is
 * sent only after the reply-letter review that follows its last drafting; abandonment
 * (终止) only while waiting on the applicant's correction or payment.
 */
import type { DefinitionIssue } from '../validate-definition';
import { zodIssueToDefinitionIssue } from '../zod-issue-text';
import { requestFlowDefinitionSchema, type RequestFlowDefinition, type RequestStepKind } from './request-flow-definition';
import { defaultRequestRegistry, REQUEST_EVENT_LABELS, type RequestFlowRegistry } from './request-registry';
import { REQUEST_CLOSED_STATE, type RequestEventType } from './request-types';

type Issue = (stepId: string | undefined, code: string, zh: string, en: string, field?: (string | number)[]) => void;

/** Which waiting step each abandonment event belongs to. */
const ABANDON_FROM: Partial<Record<RequestEventType, { kind: RequestStepKind; zh: string; en: string }>> = {
  CLOSE_UNCORRECTED: { kind: 'wait_correction', zh: '等待补正', en: 'waiting for a correction' },
  CLOSE_FEE_UNPAID: { kind: 'wait_fee', zh: '等待缴费', en: 'waiting for the fee' },
};

function moves(def: RequestFlowDefinition, id: string): string[] {
  const step = def.steps.find((s) => s.id === id);
  return (step?.transitions ?? []).flatMap((t) => (t.to && t.to !== id ? [t.to] : []));
}

function reachable(def: RequestFlowDefinition, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) for (const to of moves(def, queue.shift()!)) if (!seen.has(to)) (seen.add(to), queue.push(to));
  return seen;
}

/**
 * Steps from which a reply can be sent although the letter was not reviewed after it was
 * last drafted: a walk over (step, reviewed-since-last-draft) pairs from the first step.
 */
function unreviewedSends(def: RequestFlowDefinition): string[] {
  const key = (id: string, reviewed: boolean) => `${id}|${reviewed}`;
  const seen = new Set<string>();
  const queue: [string, boolean][] = [[def.steps[0]!.id, false]];
  const out = new Set<string>();
  while (queue.length) {
    const [id, reviewed] = queue.shift()!;
    if (seen.has(key(id, reviewed))) continue;
    seen.add(key(id, reviewed));
    for (const t of def.steps.find((s) => s.id === id)?.transitions ?? []) {
      if (t.event === 'SEND_REPLY' && !reviewed) out.add(id);
      const next = t.event === 'DRAFT_REPLY' ? false : t.event === 'REVIEW_REPLY' ? true : reviewed;
      queue.push([t.to ?? id, next]);
    }
  }
  return [...out];
}

function ruleIssues(def: RequestFlowDefinition, registry: RequestFlowRegistry, issue: Issue): void {
  const first = def.steps[0]!.id;
  const fromStart = reachable(def, first);
  def.steps.forEach((step) => {
    step.transitions?.forEach((t, n) => {
      for (const name of t.guards ?? []) {
        if (!registry.guards.has(name)) issue(step.id, 'unknown_guard', `引用了未注册的条件「${name}」`, `refers to the unknown guard '${name}'`, ['transitions', n, 'guards']);
      }
      const abandon = ABANDON_FROM[t.event];
      if (abandon && step.kind !== abandon.kind) {
        const event = REQUEST_EVENT_LABELS[t.event];
        issue(step.id, 'abandon_not_waiting', `「${event.zh}」只能在${abandon.zh}的步骤中进行`, `'${event.en}' is only possible while ${abandon.en}`, ['transitions', n, 'event']);
      }
    });
    if (step.kind === 'end') return;
    if (!step.role) issue(step.id, 'unassigned', '该步骤没有指定办理角色', 'this step needs a role', ['role']);
    if (!fromStart.has(step.id)) issue(step.id, 'unreachable', '从登记开始无法到达该步骤', 'can never be reached from intake');
    if (moves(def, step.id).length === 0) {
      issue(step.id, 'no_way_out', '没有出口：该步骤没有通往其他步骤的流转', 'has no way out to another step', ['transitions']);
    } else if (!reachable(def, step.id).has(REQUEST_CLOSED_STATE)) {
      issue(step.id, 'no_end_reachable', '从该步骤无法到达办结', 'the end cannot be reached from here');
    }
  });
  for (const id of unreviewedSends(def)) {
    issue(id, 'reply_unreviewed', '答复书可以未经审核（或在审核后被重新起草）即送达办结', 'a reply can be sent without the reply-letter review after its last drafting', ['transitions']);
  }
}

/**
 * Every problem of a request-flow definition, empty when it may be published.
 * @example validateRequestFlow(requestFlowDefinition) // []
 */
export function validateRequestFlow(input: unknown, registry: RequestFlowRegistry = defaultRequestRegistry): DefinitionIssue[] {
  const parsed = requestFlowDefinitionSchema.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((i) => zodIssueToDefinitionIssue(i, input));
  const def = parsed.data as RequestFlowDefinition;
  const issues: DefinitionIssue[] = [];
  const issue: Issue = (stepId, code, zh, en, field) => {
    const index = def.steps.findIndex((s) => s.id === stepId);
    const step = def.steps[index];
    const path = index === -1 ? [] : ['steps', index, ...(field ?? [])];
    const message = step ? { zh: `步骤「${step.label.zh}」（${step.id}）：${zh}`, en: `step '${step.id}': ${en}` } : { zh, en };
    issues.push({ ...(stepId ? { stepId } : {}), path, code, message });
  };
  ruleIssues(def, registry, issue);
  return issues;
}
