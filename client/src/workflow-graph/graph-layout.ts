/**
 * Positions for a workflow graph. elkjs (layered, top to bottom, orthogonal arrows) places
 * the steps and routes the forward arrows with their labels; it is ~1.6 MB, so it is loaded
 * on first use and never sits in the initial bundle. Return arrows are routed here instead,
 * up the right-hand side, so that showing one step's returns never moves a box.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutInput {
  nodes: { id: string; width: number; height: number }[];
  /** `placement`: where ELK puts the label along the arrow (its middle unless said). */
  edges: { id: string; from: string; to: string; label?: { width: number; height: number; placement?: 'TAIL' | 'HEAD' | 'CENTER' } }[];
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: Record<string, Box>;
  edges: Record<string, { points: Point[]; label?: Box }>;
}

const PADDING = 16;

/**
 * A width for text in the UI font, without a DOM: CJK characters are about one em wide,
 * Latin letters and digits a little over half.
 * @example textWidth('合法性审查', 14) // 70
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\uFFEF]/.test(ch) ? 1 : /[A-Z0-9]/.test(ch) ? 0.66 : 0.56;
  return Math.ceil(em * fontSize);
}

type ElkInstance = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<ElkInstance> | undefined;

function loadElk(): Promise<ElkInstance> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.edgeNode': '14',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.edgeLabels.inline': 'false',
  'elk.padding': `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
};

/** Tighter spacing for the document page, so the graph fits a phone's width more often. */
const COMPACT_OPTIONS: Record<string, string> = {
  'elk.spacing.nodeNode': '16',
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.spacing.edgeNode': '10',
  'elk.spacing.edgeEdge': '8',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
  'elk.padding': '[top=12,left=4,bottom=8,right=4]',
};

/**
 * Lays out nodes and (forward) edges with ELK; `elk` adds or overrides layout options.
 * @example const layout = await layoutGraph({ nodes: [{ id: 'a', width: 100, height: 40 }], edges: [] });
 */
export async function layoutGraph(input: LayoutInput, options: { compact?: boolean; elk?: Record<string, string> } = {}): Promise<GraphLayout> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: { ...LAYOUT_OPTIONS, ...(options.compact ? COMPACT_OPTIONS : {}), ...options.elk },
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: input.edges.map(
      (e): ElkExtendedEdge => ({
        id: e.id,
        sources: [e.from],
        targets: [e.to],
        ...(e.label
          ? { labels: [{ id: `${e.id}#label`, text: ' ', width: e.label.width, height: e.label.height, ...(e.label.placement ? { layoutOptions: { 'elk.edgeLabels.placement': e.label.placement } } : {}) }] }
          : {}),
      }),
    ),
  };
  const result = await (await loadElk()).layout(graph);
  const nodes: Record<string, Box> = {};
  for (const n of result.children ?? []) nodes[n.id] = { x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 };
  const edges: GraphLayout['edges'] = {};
  for (const e of (result.edges ?? []) as ElkExtendedEdge[]) {
    const section = e.sections?.[0];
    if (!section) continue;
    const label = e.labels?.[0];
    edges[e.id] = {
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
      ...(label ? { label: { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } } : {}),
    };
  }
  return { width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}

const LANE_GAP = 18;
const LANE_SPACING = 12;

/**
 * A return arrow from the right side of `from` up (or down) to the right side of `to`, in
 * lane `lane` to the right of every box between them, so arrows of one step never overlap.
 * @example returnRoute(layout, 'secrecy_review', 'draft', 0) // [right of secrecy, out, up, into draft]
 */
export function returnRoute(layout: GraphLayout, from: string, to: string, lane: number): Point[] {
  const a = layout.nodes[from];
  const b = layout.nodes[to];
  if (!a || !b) return [];
  const top = Math.min(a.y, b.y);
  const bottom = Math.max(a.y + a.height, b.y + b.height);
  const right = rightEdgeBetween(layout, top, bottom);
  const x = right + LANE_GAP + lane * LANE_SPACING;
  // Start a little below the middle and end a little above, so an arrow leaving a box and
  // one arriving at it do not share a point.
  const ay = a.y + a.height / 2 + 6;
  const by = b.y + b.height / 2 - 6;
  return [
    { x: a.x + a.width, y: ay },
    { x, y: ay },
    { x, y: by },
    { x: b.x + b.width, y: by },
  ];
}

/** The rightmost point of any box, arrow or arrow label between two heights. */
function rightEdgeBetween(layout: GraphLayout, top: number, bottom: number): number {
  const boxes: Box[] = [...Object.values(layout.nodes), ...Object.values(layout.edges).flatMap((e) => (e.label ? [e.label] : []))];
  const xs = boxes.filter((b) => b.y < bottom && b.y + b.height > top).map((b) => b.x + b.width);
  for (const e of Object.values(layout.edges)) {
    e.points.forEach((p, i) => {
      const q = e.points[i + 1];
      // A segment counts when it runs within the band (vertical segments may only cross it).
      if (q && Math.min(p.y, q.y) < bottom && Math.max(p.y, q.y) > top) xs.push(Math.max(p.x, q.x));
    });
  }
  return Math.max(0, ...xs);
}

/** The width the drawing needs once return arrows in `lanes` lanes are added on the right. */
export function widthWithLanes(layout: GraphLayout, lanes: number): number {
  if (lanes === 0) return layout.width;
  const right = rightEdgeBetween(layout, -Infinity, Infinity);
  return Math.max(layout.width, right + LANE_GAP + (lanes - 1) * LANE_SPACING + PADDING + 4);
}
