/**
 * The abstract flow of a definition under one set of conditions: which steps follow which,
 * by which event. Built from the engine's own sequencing (flow.ts), so static validation
 * reasons about exactly the moves a document could make. Conditions are enumerated: the
 * disclosure attribute takes each of its values, every other guard named in a `when` is
 * true or false independently (a plugin guard may read anything).
 */
import { ATTRIBUTE_LABELS, DISCLOSURE_ATTRIBUTES, type DisclosureAttribute } from '../forms/disclosure';
import {
  COMPLIANCE_CHECKS,
  DRAFT_STEP,
  SEPARATED_KINDS,
  type ComplianceCheck,
  type StepDefinition,
  type WorkflowDefinition,
} from './definition';
import { nextStepId, returnTargetIds } from './flow';
import type { WorkflowRegistry } from './registry';
import type { ReviewContext } from './review-types';

/** One combination of conditions a document may meet. */
export interface Scenario {
  attribute: DisclosureAttribute;
  guards: Record<string, boolean>;
}

export type FlowEventKind = 'submit' | 'approve' | 'return' | 'reject' | 'publish' | 'withdraw';
export interface FlowEdge {
  event: FlowEventKind;
  to: string;
}

/** Guard names enumerated as free booleans; isPublishable follows from the attribute. */
const DERIVED_GUARDS = new Set(['isPublishable']);
/** Beyond this many independent conditions the enumeration would explode; the rest count as false. */
const MAX_FREE_GUARDS = 10;

const GUARD_LABELS: Record<string, string> = { hasStatistics: '含统计数据', isMajorMatter: '重大事项' };

/** The condition guards a definition names, in a stable order. @example conditionGuards(def) // ['hasStatistics', 'isMajorMatter'] */
export function conditionGuards(def: WorkflowDefinition): string[] {
  const names = new Set(def.steps.flatMap((s) => (s.when && !DERIVED_GUARDS.has(s.when.guard) ? [s.when.guard] : [])));
  return [...names].sort().slice(0, MAX_FREE_GUARDS);
}

/**
 * Every combination of attribute and condition values.
 * @example scenarios(releaseReviewDefinition).length // 4 attributes × 2 × 2 = 16
 */
export function scenarios(def: WorkflowDefinition): Scenario[] {
  const names = conditionGuards(def);
  const out: Scenario[] = [];
  for (const attribute of DISCLOSURE_ATTRIBUTES) {
    for (let bits = 0; bits < 1 << names.length; bits++) {
      out.push({ attribute, guards: Object.fromEntries(names.map((n, i) => [n, (bits & (1 << i)) !== 0])) });
    }
  }
  return out;
}

/** A scenario in words, e.g. '主动公开；含统计数据：否；重大事项：是'. */
export function describeScenario(s: Scenario): { zh: string; en: string } {
  const parts = Object.entries(s.guards);
  return {
    zh: [ATTRIBUTE_LABELS[s.attribute].zh, ...parts.map(([n, v]) => `${GUARD_LABELS[n] ?? n}：${v ? '是' : '否'}`)].join('；'),
    en: [ATTRIBUTE_LABELS[s.attribute].en, ...parts.map(([n, v]) => `${n}=${v}`)].join('; '),
  };
}

/** The registry seen under a scenario: its condition guards answer with the scenario's values. */
function scenarioRegistry(registry: WorkflowRegistry, s: Scenario): WorkflowRegistry {
  const guards = new Map(registry.guards);
  for (const [name, value] of Object.entries(s.guards)) guards.set(name, () => value);
  return { guards, actions: registry.actions, revision: registry.revision };
}

function scenarioContext(s: Scenario): ReviewContext {
  return {
    hasStatistics: s.guards.hasStatistics ?? false,
    isMajorMatter: s.guards.isMajorMatter ?? false,
    attribute: s.attribute,
    categoryCode: '',
    drafterId: '',
    round: 1,
    acted: [],
    lastReturn: null,
  };
}

function edgesOf(def: WorkflowDefinition, step: StepDefinition, ctx: ReviewContext, reg: WorkflowRegistry): FlowEdge[] {
  const next = () => nextStepId(def, step.id, ctx, undefined, reg);
  const returns = () => returnTargetIds(def, step.id, ctx, reg).map((to): FlowEdge => ({ event: 'return', to }));
  switch (step.kind) {
    case 'end':
      return step.id === 'published' ? [{ event: 'withdraw', to: 'withdrawn' }] : [];
    case 'fill':
      return [{ event: 'submit', to: next() }];
    case 'publication':
      return [{ event: 'publish', to: 'published' }, ...returns()];
    case 'signoff':
      return [{ event: 'approve', to: next() }, ...returns(), { event: 'reject', to: 'rejected' }];
    default:
      return [{ event: 'approve', to: next() }, ...returns()];
  }
}

/**
 * The moves out of every step under one scenario.
 * @example flowGraph(def, { attribute: 'open', guards: {} }, reg).get('draft') // [{ event: 'submit', to: 'legality_review' }]
 */
export function flowGraph(def: WorkflowDefinition, s: Scenario, registry: WorkflowRegistry): Map<string, FlowEdge[]> {
  const reg = scenarioRegistry(registry, s);
  const ctx = scenarioContext(s);
  return new Map(def.steps.map((step) => [step.id, edgesOf(def, step, ctx, reg)]));
}

/** The steps reachable from `from` (itself included). */
export function reachableFrom(graph: Map<string, FlowEdge[]>, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of graph.get(id) ?? []) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}

/**
 * Reached working steps with no move out at all, and those from which no end state can be
 * reached. With the engine's kinds every step can at least be approved, so these hold for
 * any schema-valid definition today; they guard the graph against future kinds and rules.
 * @example deadEnds(def, graph, reachableFrom(graph, 'draft')) // { noExit: [], noEnd: [] }
 */
export function deadEnds(def: WorkflowDefinition, graph: Map<string, FlowEdge[]>, reached: Set<string>): { noExit: string[]; noEnd: string[] } {
  const ends = new Set(def.steps.filter((s) => s.kind === 'end').map((s) => s.id));
  const working = def.steps.filter((s) => s.kind !== 'end' && reached.has(s.id)).map((s) => s.id);
  const noExit = working.filter((id) => (graph.get(id) ?? []).length === 0);
  const noEnd = working.filter((id) => !noExit.includes(id) && ![...reachableFrom(graph, id)].some((to) => ends.has(to)));
  return { noExit, noEnd };
}

const ROLE_CHECKS: Partial<Record<string, ComplianceCheck>> = { legal: 'legality', secrecy: 'secrecy' };
const SIGNING_KINDS = new Set(['signoff', 'decision', 'countersign']);

/**
 * The compliance checks approving this step performs: declared in `checks`, else derived
 * from its seats' roles. In 或签 (any) mode only what every seat would check counts, and a
 * seat named by person checks nothing unless the step declares it.
 * @example stepChecks(stepById(def, 'legality_review')!) // Set { 'legality' }
 */
export function stepChecks(step: StepDefinition): Set<ComplianceCheck> {
  if (!SEPARATED_KINDS.includes(step.kind)) return new Set();
  if (step.checks) return new Set(step.checks);
  const seats = step.signers ?? (step.role ? [{ role: step.role }] : []);
  const perSeat = seats.map((seat): ComplianceCheck[] => {
    if (!('role' in seat)) return [];
    const byRole = ROLE_CHECKS[seat.role];
    if (byRole) return [byRole];
    return seat.role === 'leader' && SIGNING_KINDS.has(step.kind) ? ['signoff'] : [];
  });
  const all = COMPLIANCE_CHECKS.filter((c) =>
    step.mode === 'any' ? perSeat.length > 0 && perSeat.every((p) => p.includes(c)) : perSeat.some((p) => p.includes(c)),
  );
  return new Set(all);
}

/**
 * Paths from the draft to a publication step that miss a compliance check after the last
 * edit (every submission from the draft is an edit). One path per missing check, shortest first.
 * @example uncheckedPaths(def, graph) // [{ check: 'legality', path: ['draft', 'secrecy_review', 'leader_signoff', 'publication'] }]
 */
export function uncheckedPaths(def: WorkflowDefinition, graph: Map<string, FlowEdge[]>): { check: ComplianceCheck; path: string[] }[] {
  const checksOf = new Map(def.steps.map((s) => [s.id, [...stepChecks(s)]]));
  const publicationIds = new Set(def.steps.filter((s) => s.kind === 'publication').map((s) => s.id));
  const bit = (c: ComplianceCheck) => 1 << COMPLIANCE_CHECKS.indexOf(c);
  const key = (id: string, mask: number) => `${id}|${mask}`;
  const parent = new Map<string, string | null>([[key(DRAFT_STEP, 0), null]]);
  const queue: [string, number][] = [[DRAFT_STEP, 0]];
  const found = new Map<ComplianceCheck, string[]>();
  const pathTo = (k: string): string[] => {
    const out: string[] = [];
    for (let at: string | null | undefined = k; at; at = parent.get(at)) out.unshift(at.split('|')[0]!);
    return out;
  };
  for (let item = queue.shift(); item; item = queue.shift()) {
    const [id, mask] = item;
    if (publicationIds.has(id)) {
      for (const c of COMPLIANCE_CHECKS) if (!(mask & bit(c)) && !found.has(c)) found.set(c, pathTo(key(id, mask)));
      continue;
    }
    for (const edge of graph.get(id) ?? []) {
      const gained = edge.event === 'approve' ? (checksOf.get(id) ?? []).reduce((m, c) => m | bit(c), 0) : 0;
      const nextMask = edge.to === DRAFT_STEP ? 0 : mask | gained;
      const k = key(edge.to, nextMask);
      if (parent.has(k)) continue;
      parent.set(k, key(id, mask));
      queue.push([edge.to, nextMask]);
    }
  }
  return [...found].map(([check, path]) => ({ check, path }));
}
