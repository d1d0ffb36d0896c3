/**
 * Static validation of a workflow definition before it may be published: the schema's
 * structural rules, then the compliance rules over every combination of conditions
 * (flow-graph.ts). Every issue names its step and says what is wrong in Chinese and English.
 * Pure: the editor runs it as the admin types, the server again before storing a version.
 */
import { ATTRIBUTE_LABELS, isPublishable } from '../forms/disclosure';
import { type ComplianceCheck, type LocalizedText, type WorkflowDefinition, workflowDefinitionSchema } from './definition';
import { deadEnds, describeScenario, flowGraph, reachableFrom, scenarios, uncheckedPaths, type Scenario } from './flow-graph';
import { defaultRegistry, type WorkflowRegistry } from './registry';
import { zodIssueToDefinitionIssue } from './zod-issue-text';
import { isRequestFlowInput } from './requests/request-flow-definition';
import { validateRequestFlow } from './requests/validate-request-flow';

export interface DefinitionIssue {
  /** The step the issue is about, when it is about one. */
  stepId?: string;
  /** Where in the definition JSON, e.g. ['steps', 2, 'role']. */
  path: (string | number)[];
  /** A stable key per rule, e.g. 'unreachable', 'missing_check'. */
  code: string;
  message: LocalizedText;
}

const CHECK_LABELS: Record<ComplianceCheck, LocalizedText> = {
  legality: { zh: '合法性审查', en: 'legality review' },
  secrecy: { zh: '保密审查', en: 'secrecy review' },
  signoff: { zh: '领导签批', en: 'leader sign-off' },
};

type Issue = (stepId: string | undefined, code: string, zh: string, en: string, field?: string) => void;

function referenceIssues(def: WorkflowDefinition, registry: WorkflowRegistry, issue: Issue): void {
  for (const step of def.steps) {
    const guards = [...(step.when ? [step.when.guard] : []), ...(step.requires ?? [])];
    for (const name of guards) {
      if (!registry.guards.has(name)) issue(step.id, 'unknown_guard', `引用了未注册的条件「${name}」`, `refers to the unknown guard '${name}'`, step.when?.guard === name ? 'when' : 'requires');
    }
    for (const name of step.effects ?? []) {
      if (!registry.actions.has(name)) issue(step.id, 'unknown_effect', `引用了未注册的动作「${name}」`, `refers to the unknown effect '${name}'`, 'effects');
    }
  }
}

function graphIssues(def: WorkflowDefinition, registry: WorkflowRegistry, issue: Issue): void {
  const label = (id: string) => def.steps.find((s) => s.id === id)?.label.zh ?? id;
  const reachedEver = new Set<string>();
  const reported = new Set<string>();
  const once = (key: string, report: () => void) => {
    if (!reported.has(key)) {
      reported.add(key);
      report();
    }
  };
  for (const scenario of scenarios(def)) {
    const graph = flowGraph(def, scenario, registry);
    const reached = reachableFrom(graph, 'draft');
    reached.forEach((id) => reachedEver.add(id));
    const when = describeScenario(scenario);
    const { noExit, noEnd } = deadEnds(def, graph, reached);
    for (const id of noExit) {
      once(`exit:${id}`, () => issue(id, 'no_way_out', `没有出口：既不能通过，也不能退回或结束（条件：${when.zh}）`, `has no way out (when ${when.en})`));
    }
    for (const id of noEnd) {
      once(`end:${id}`, () => issue(id, 'no_end_reachable', `从该步骤无法到达任何结束状态（条件：${when.zh}）`, `no end state can be reached from here (when ${when.en})`));
    }
    if (isPublishable(scenario.attribute)) {
      for (const { check, path } of uncheckedPaths(def, graph)) {
        const publication = path[path.length - 1]!;
        once(`check:${publication}:${check}`, () =>
          issue(
            publication,
            'missing_check',
            `文件可以在最后一次修改内容后未经${CHECK_LABELS[check].zh}即到达发布（条件：${when.zh}；路径：${path.map(label).join(' → ')}）`,
            `can be reached without ${CHECK_LABELS[check].en} after the last edit (when ${when.en}; path ${path.join(' → ')})`,
          ),
        );
      }
    } else {
      nonPublishableIssues(def, scenario, reached, issue, once);
    }
  }
  for (const step of def.steps) {
    if (step.kind !== 'end' && !reachedEver.has(step.id)) {
      issue(step.id, 'unreachable', '在任何条件下都无法到达该步骤', 'can never be reached');
    }
  }
}

function nonPublishableIssues(def: WorkflowDefinition, scenario: Scenario, reached: Set<string>, issue: Issue, once: (key: string, report: () => void) => void): void {
  const attribute = ATTRIBUTE_LABELS[scenario.attribute];
  for (const step of def.steps) {
    if ((step.kind === 'publication' || step.id === 'published') && reached.has(step.id)) {
      once(`leak:${step.id}:${scenario.attribute}`, () =>
        issue(step.id, 'non_public_published', `「${attribute.zh}」的文件可以到达发布`, `a document marked '${attribute.en}' can reach publication`),
      );
    }
  }
  if (!reached.has('concluded')) {
    once(`concluded:${scenario.attribute}`, () =>
      issue('concluded', 'no_conclusion', `「${attribute.zh}」的文件无法审结（不公开）`, `a document marked '${attribute.en}' can never be concluded`),
    );
  }
}

/**
 * Every problem of a definition, empty when it may be published. A request-flow definition
 * (`flow: 'request'`) is checked by validateRequestFlow instead.
 * @example validateDefinition(releaseReviewDefinition) // []
 * @example validateDefinition({ ...def, steps: withoutLegality })[0].message.zh // '步骤「发布」：文件可以在最后一次修改内容后未经合法性审查即到达发布…'
 */
export function validateDefinition(input: unknown, registry: WorkflowRegistry = defaultRegistry): DefinitionIssue[] {
  // The request flow (flow: 'request') is its own family with its own rules.
  if (isRequestFlowInput(input)) return validateRequestFlow(input);
  const parsed = workflowDefinitionSchema.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((i) => zodIssueToDefinitionIssue(i, input));
  const def = parsed.data;
  const issues: DefinitionIssue[] = [];
  const issue: Issue = (stepId, code, zh, en, field) => {
    const index = def.steps.findIndex((s) => s.id === stepId);
    const step = def.steps[index];
    const path = index === -1 ? [] : ['steps', index, ...(field ? [field] : [])];
    const message = step ? { zh: `步骤「${step.label.zh}」（${step.id}）：${zh}`, en: `step '${step.id}': ${en}` } : { zh, en };
    issues.push({ ...(stepId ? { stepId } : {}), path, code, message });
  };
  referenceIssues(def, registry, issue);
  // The graph evaluates conditions through the registry: unknown names would only repeat the same issue.
  if (issues.length === 0) graphIssues(def, registry, issue);
  return issues;
}
