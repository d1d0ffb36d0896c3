/**
 * A request-flow definition as a drawable graph: one node per step, one arrow per pair of
 * steps a transition joins (its events as the label), and the events that keep a request
 * where it is (an extension) listed on the node instead of drawn as loops. Pure: no DOM, no
 * i18n, unit-tested, shared by the editor and its simulation.
 */
import type { RequestEventType } from '../../../workflows/requests/request-types';
import type { RequestFlowDefinition, RequestStepDefinition } from '../../../workflows/requests/request-flow-definition';
import { ABANDON_EVENTS } from '../../../workflows/requests/request-registry';

/** forward: to a later step; back: to an earlier one (a correction received, a redraft); abandon: 终止. */
export type RequestEdgeKind = 'forward' | 'back' | 'abandon';

export interface RequestGraphEdge {
  /** Stable per definition: `${from}->${to}`. */
  id: string;
  from: string;
  to: string;
  kind: RequestEdgeKind;
  events: RequestEventType[];
}

export interface RequestGraphNode {
  id: string;
  step: RequestStepDefinition;
  /** Events accepted here that do not move the request (drawn as a note on the box). */
  stays: RequestEventType[];
}

export interface RequestGraphModel {
  nodes: RequestGraphNode[];
  edges: RequestGraphEdge[];
}

/**
 * @example requestGraph(requestFlowDefinition).edges.find((e) => e.id === 'registered->accepted')?.events // ['ACCEPT']
 */
export function requestGraph(def: RequestFlowDefinition): RequestGraphModel {
  const index = new Map(def.steps.map((s, i) => [s.id, i]));
  const edges = new Map<string, RequestGraphEdge>();
  const nodes = def.steps.map((step): RequestGraphNode => {
    const stays: RequestEventType[] = [];
    for (const t of step.transitions ?? []) {
      if (!t.to || t.to === step.id) {
        if (!stays.includes(t.event)) stays.push(t.event);
        continue;
      }
      // Arrows only join steps that exist, so a half-edited definition still draws.
      if (!index.has(t.to)) continue;
      const id = `${step.id}->${t.to}`;
      const kind: RequestEdgeKind = ABANDON_EVENTS.includes(t.event) ? 'abandon' : index.get(t.to)! < index.get(step.id)! ? 'back' : 'forward';
      const edge = edges.get(id) ?? { id, from: step.id, to: t.to, kind, events: [] };
      if (!edge.events.includes(t.event)) edge.events.push(t.event);
      edges.set(id, edge);
    }
    return { id: step.id, step, stays };
  });
  return { nodes, edges: [...edges.values()] };
}

/**
 * The arrows a simulated request took, given the steps it visited in order.
 * @example requestPathEdgeIds(['registered', 'accepted']) // ['registered->accepted']
 */
export function requestPathEdgeIds(path: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < path.length; i++) if (path[i - 1] !== path[i]) out.push(`${path[i - 1]}->${path[i]}`);
  return [...new Set(out)];
}
