/**
 * A workflow definition as a drawable graph: one node per step (end states included) and
 * one edge per way a document can move — approve to the next applicable step, skip past
 * conditional steps, return, reject, publish, withdraw. Pure: no DOM, no i18n, so it is
 * unit-tested and shared by the editor, the simulation and the document page.
 */
import {
  DRAFT_STEP,
  PUBLICATION_KINDS,
  type ConditionRef,
  type StepDefinition,
  type WorkflowDefinition,
} from '../../../workflows/definition';

export type EdgeKind = 'forward' | 'skip' | 'return' | 'reject' | 'publish' | 'withdraw';

export interface GraphNode {
  id: string;
  step: StepDefinition;
  /** What must hold for the step to apply: its `when`, plus "publishable" for filing and publication. */
  conditions: ConditionRef[];
}

export interface GraphEdge {
  /** Stable per definition: `${kind}:${from}->${to}`. */
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** For a skip edge: the conditional steps passed over, in order. */
  skipped: string[];
}

export interface WorkflowGraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Where a document goes when no working step is left for it (flow.ts CONCLUDED). */
const CONCLUDED = 'concluded';
const PUBLISHABLE: ConditionRef = { guard: 'isPublishable' };

const sameCondition = (a: ConditionRef, b: ConditionRef) => a.guard === b.guard && !!a.not === !!b.not;
const negation = (c: ConditionRef): ConditionRef => ({ guard: c.guard, not: !c.not });

/**
 * The conditions a step needs, as the engine applies them (flow.ts isStepApplicable).
 * @example stepConditions({ id: 'filing', kind: 'filing', ... }) // [{ guard: 'isPublishable' }]
 */
export function stepConditions(step: StepDefinition): ConditionRef[] {
  const out: ConditionRef[] = [];
  if (PUBLICATION_KINDS.includes(step.kind)) out.push(PUBLISHABLE);
  if (step.when && !out.some((c) => sameCondition(c, step.when!))) out.push(step.when);
  return out;
}

/**
 * Whether a document can be at `from`, skip every step of `skipped` and land on `to`: the
 * conditions of `from` and `to` hold, and each skipped step has one condition that fails.
 * Exact for steps with one condition (the usual case); with several it only rules out a
 * skipped step whose conditions are all forced to hold.
 */
function skipIsPossible(from: StepDefinition, skipped: StepDefinition[], to: StepDefinition | null): boolean {
  const holds: ConditionRef[] = [...stepConditions(from), ...(to ? stepConditions(to) : [])];
  for (const step of skipped) {
    const conditions = stepConditions(step);
    if (conditions.length === 1) holds.push(negation(conditions[0]!));
    else if (conditions.every((c) => holds.some((h) => sameCondition(h, c)))) return false;
  }
  return !holds.some((c) => holds.some((d) => sameCondition(d, negation(c))));
}

function edge(kind: EdgeKind, from: string, to: string, skipped: string[] = []): GraphEdge {
  return { id: `${kind}:${from}->${to}`, from, to, kind, skipped };
}

/** Approve (or submit) from a working step: to the next step, and past conditional ones. */
function flowEdges(def: WorkflowDefinition, at: number): GraphEdge[] {
  const from = def.steps[at]!;
  const after = def.steps.slice(at + 1).filter((s) => s.kind !== 'end');
  const out: GraphEdge[] = [];
  const skipped: StepDefinition[] = [];
  for (const step of after) {
    if (skipped.length === 0) out.push(edge('forward', from.id, step.id));
    else if (skipIsPossible(from, skipped, step)) out.push(edge('skip', from.id, step.id, skipped.map((s) => s.id)));
    if (stepConditions(step).length === 0) return out;
    skipped.push(step);
  }
  if (skipped.length === 0) out.push(edge('forward', from.id, CONCLUDED));
  else if (skipIsPossible(from, skipped, null)) out.push(edge('skip', from.id, CONCLUDED, skipped.map((s) => s.id)));
  return out;
}

/** The return targets a step declares; without any, a step returns to the drafter (flow.ts). */
export function returnTargetsOf(step: StepDefinition): string[] {
  return step.returnTargets ?? [DRAFT_STEP];
}

/**
 * The drawable graph of a definition. Edges only join steps that exist, so a half-edited
 * definition (a return target just removed) still draws.
 * @example workflowGraph(releaseReviewDefinition).edges.find((e) => e.kind === 'skip' && e.from === 'draft')?.to // 'legality_review'
 */
export function workflowGraph(def: WorkflowDefinition): WorkflowGraphModel {
  const ids = new Set(def.steps.map((s) => s.id));
  const edges: GraphEdge[] = [];
  def.steps.forEach((step, i) => {
    if (step.kind === 'end') {
      if (step.id === 'published') edges.push(edge('withdraw', step.id, 'withdrawn'));
      return;
    }
    if (step.kind === 'publication') edges.push(edge('publish', step.id, 'published'));
    else edges.push(...flowEdges(def, i));
    if (step.kind === 'signoff') edges.push(edge('reject', step.id, 'rejected'));
    if (step.kind !== 'fill') for (const target of returnTargetsOf(step)) edges.push(edge('return', step.id, target));
  });
  const unique = edges.filter((e, n) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to && edges.findIndex((o) => o.id === e.id) === n);
  return { nodes: def.steps.map((step) => ({ id: step.id, step, conditions: stepConditions(step) })), edges: unique };
}

/**
 * The edges a document took, given the steps it visited in order: for each consecutive
 * pair, the edge joining them (a return when the second step comes earlier).
 * @example pathEdgeIds(graph, ['draft', 'legality_review']) // ['skip:draft->legality_review']
 */
export function pathEdgeIds(graph: WorkflowGraphModel, path: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    const found = graph.edges.find((e) => e.from === from && e.to === to && e.kind !== 'return') ?? graph.edges.find((e) => e.from === from && e.to === to);
    if (found && !out.includes(found.id)) out.push(found.id);
  }
  return out;
}

/**
 * The edges to draw. Every step of the shipped flow may return to every earlier step: 28
 * return arrows would hide the flow, so return arrows are drawn for the focused step only
 * (the selected one), plus returns a document actually took.
 */
export function visibleEdges(graph: WorkflowGraphModel, focus: string | undefined, taken: readonly string[]): GraphEdge[] {
  return graph.edges.filter((e) => e.kind !== 'return' || e.from === focus || taken.includes(e.id));
}
