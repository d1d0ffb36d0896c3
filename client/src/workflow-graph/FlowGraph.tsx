/**
 * A flow drawn as SVG, for either flow family: boxes laid out by elkjs with their words, the
 * arrows between them labelled, the path taken and the current and selected steps
 * highlighted, boxes with validation issues outlined red (messages in the tooltip and listed
 * beside the legend). What to draw comes from the family's graph (WorkflowGraph for release
 * review, RequestFlowGraph for the request flow); this component only lays out and draws.
 */
import { createEffect, createMemo, createResource, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import { locale, localized, t } from '../i18n/i18n';
import { layoutGraph, textWidth, widthWithLanes, type GraphLayout, type Point } from './graph-layout';
import { nodeMetrics, type NodeText } from './node-text';
import './workflow-graph.css';

export type ArrowMarker = 'flow' | 'return' | 'reject';

/** A step's box: its words, and the classes its family styles it with. */
export interface FlowBox {
  id: string;
  text: NodeText;
  /** e.g. 'wf-kind-review', 'rf-kind-wait_fee wf-kind-end'. */
  className: string;
  /** An end step: drawn as a pill. */
  rounded: boolean;
  /** Applies only under a condition (dashed box). */
  conditional?: boolean;
}

/** An arrow elkjs routes, with the words on it. */
export interface FlowArrow {
  id: string;
  from: string;
  to: string;
  className: string;
  marker: ArrowMarker;
  label: string;
  title: string;
  /** Where the label sits along the arrow (an abandonment's runs far: at its start). */
  labelPlacement?: 'TAIL' | 'HEAD' | 'CENTER';
}

/** An arrow drawn outside the layout, along a lane at the side (release review's returns). */
export interface LaneArrow {
  id: string;
  className: string;
  title: string;
  route: (layout: GraphLayout, lane: number) => Point[];
}

export interface FlowGraphProps {
  /** The graph's accessible name. */
  label: string;
  boxes: readonly FlowBox[];
  arrows: readonly FlowArrow[];
  laneArrows?: readonly LaneArrow[];
  /** Lanes to keep room for, so showing other lane arrows never resizes the drawing. */
  maxLanes?: number;
  legend: readonly { swatch: string; text: string }[];
  issues?: readonly DefinitionIssue[];
  /** Steps passed in order, and the arrows taken between them. */
  visitedSteps: readonly string[];
  takenArrows: readonly string[];
  currentStep?: string | undefined;
  selectedStepId?: string | undefined;
  onSelect?: (stepId: string) => void;
  /** Smaller boxes, no legend: the document page. */
  compact?: boolean;
  /** elkjs options of the family's layout. */
  elk?: Record<string, string>;
  class?: string;
  testId: string;
}

const LABEL_SIZE = 11;
/** How far the compact graph may shrink before it scrolls instead: 13px titles stay above 11px. */
const MIN_SCALE = 0.85;

/** Orthogonal polyline with softly rounded corners. */
export function pathData(points: readonly Point[]): string {
  if (points.length < 2) return '';
  const r = 5;
  let d = `M${points[0]!.x},${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const inLen = Math.hypot(b.x - a.x, b.y - a.y);
    const outLen = Math.hypot(c.x - b.x, c.y - b.y);
    const k = Math.min(r, inLen / 2, outLen / 2);
    const p1 = { x: b.x - ((b.x - a.x) / (inLen || 1)) * k, y: b.y - ((b.y - a.y) / (inLen || 1)) * k };
    const p2 = { x: b.x + ((c.x - b.x) / (outLen || 1)) * k, y: b.y + ((c.y - b.y) / (outLen || 1)) * k };
    d += ` L${p1.x},${p1.y} Q${b.x},${b.y} ${p2.x},${p2.y}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${last.x},${last.y}`;
}

export function FlowGraph(props: FlowGraphProps) {
  const uid = createUniqueId();
  const metrics = createMemo(() => {
    locale();
    return new Map(props.boxes.map((b) => [b.id, { ...nodeMetrics(b.text, !!props.compact), full: [b.text.title, b.text.detail, b.text.condition, b.text.opinionForm].filter(Boolean).join('\n') }]));
  });
  const layoutInput = createMemo(() => ({
    nodes: props.boxes.map((b) => ({ id: b.id, width: metrics().get(b.id)!.width, height: metrics().get(b.id)!.height })),
    edges: props.arrows.map((a) => ({
      id: a.id,
      from: a.from,
      to: a.to,
      label: { width: textWidth(a.label, LABEL_SIZE) + 8, height: LABEL_SIZE + 5, ...(a.labelPlacement ? { placement: a.labelPlacement } : {}) },
    })),
  }));
  const [layout] = createResource(layoutInput, (input) => layoutGraph(input, { compact: !!props.compact, ...(props.elk ? { elk: props.elk } : {}) }));
  const issuesByStep = createMemo(() => {
    const map = new Map<string, DefinitionIssue[]>();
    for (const issue of props.issues ?? []) if (issue.stepId) map.set(issue.stepId, [...(map.get(issue.stepId) ?? []), issue]);
    return map;
  });
  const lanes = () => Math.max(props.maxLanes ?? 0, props.laneArrows?.length ?? 0);
  const marker = (kind: string) => `url(#${uid}-arrow-${kind})`;
  const taken = (id: string) => props.takenArrows.includes(id);

  // A graph wider than its card scrolls sideways (boxes keep a readable size on a phone);
  // the current step is scrolled into view and a hint says there is more.
  let canvas: HTMLDivElement | undefined;
  const [overflowing, setOverflowing] = createSignal(false);
  createEffect(() => {
    const l = layout.state === 'ready' || layout.state === 'refreshing' ? layout.latest : undefined;
    const here = props.currentStep && l?.nodes[props.currentStep];
    queueMicrotask(() => {
      if (!canvas || !l) return;
      setOverflowing(canvas.scrollWidth > canvas.clientWidth + 1);
      if (here) canvas.scrollLeft = Math.max(0, here.x + here.width / 2 - canvas.clientWidth / 2);
    });
  });

  return (
    <div class={`wf-graph ${props.class ?? ''}`} classList={{ 'wf-graph-compact': !!props.compact }} data-testid={props.testId}>
      <Show when={!props.compact}>
        <div class="wf-aside">
          <ul class="wf-legend" aria-label={t('wf.legend')}>
            <For each={props.legend}>
              {(item) => (
                <li>
                  <span class={`wf-swatch ${item.swatch}`} />
                  {item.text}
                </li>
              )}
            </For>
          </ul>
          <Show when={(props.issues ?? []).length > 0}>
            <div class="wf-issues" role="alert" data-testid="wf-issues">
              <h3>{t('wf.issuesTitle', { n: props.issues!.length })}</h3>
              <ul>
                <For each={props.issues}>
                  {(issue) => (
                    <li data-testid="wf-issue" data-code={issue.code}>
                      <Show when={issue.stepId && props.onSelect} fallback={localized(issue.message)}>
                        <button type="button" class="link-button" onClick={() => props.onSelect?.(issue.stepId!)}>
                          {localized(issue.message)}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          </Show>
        </div>
      </Show>
      <Show when={overflowing()}>
        <p class="wf-scroll-hint muted small">{t('wf.scrollHint')}</p>
      </Show>
      <div class="wf-canvas" ref={canvas}>
        <Show when={layout.state === 'ready' || layout.state === 'refreshing' ? layout.latest : undefined} fallback={<p class="muted small">{t('common.loading')}</p>}>
          {(l) => {
            const width = () => widthWithLanes(l(), lanes());
            return (
              <svg
                width={width()}
                height={l().height}
                viewBox={`0 0 ${width()} ${l().height}`}
                // The compact graph may shrink a little to fit a phone; beyond that it scrolls.
                style={props.compact ? { 'max-width': '100%', height: 'auto', 'min-width': `${Math.round(width() * MIN_SCALE)}px` } : undefined}
                // A picture when read-only; a group of buttons (the steps) in an editor.
                role={props.onSelect ? 'group' : 'img'}
                aria-label={props.label}
              >
                <defs>
                  <For each={['flow', 'return', 'path', 'reject']}>
                    {(kind) => (
                      <marker id={`${uid}-arrow-${kind}`} class={`wf-marker wf-marker-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" />
                      </marker>
                    )}
                  </For>
                </defs>
                <g class="wf-edges">
                  <For each={props.arrows}>
                    {(arrow) => (
                      <Show when={l().edges[arrow.id]}>
                        {(r) => (
                          <g class={`wf-edge ${arrow.className}`} classList={{ 'wf-on-path': taken(arrow.id) }} data-edge={arrow.id}>
                            <title>{arrow.title}</title>
                            <path d={pathData(r().points)} marker-end={marker(taken(arrow.id) ? 'path' : arrow.marker)} />
                            <Show when={r().label}>
                              {(box) => (
                                <text class="wf-edge-label" x={box().x + box().width / 2} y={box().y + box().height - 4} text-anchor="middle">
                                  {arrow.label}
                                </text>
                              )}
                            </Show>
                          </g>
                        )}
                      </Show>
                    )}
                  </For>
                  <For each={props.laneArrows ?? []}>
                    {(arrow, lane) => (
                      <g class={`wf-edge ${arrow.className}`} classList={{ 'wf-on-path': taken(arrow.id) }} data-edge={arrow.id}>
                        <title>{arrow.title}</title>
                        <path d={pathData(arrow.route(l(), lane()))} marker-end={marker(taken(arrow.id) ? 'path' : 'return')} />
                      </g>
                    )}
                  </For>
                </g>
                <g class="wf-nodes">
                  <For each={props.boxes}>
                    {(node) => (
                      <Show when={l().nodes[node.id]}>
                        {(b) => (
                          <StepBox
                            node={node}
                            width={b().width}
                            height={b().height}
                            x={b().x}
                            y={b().y}
                            metrics={metrics().get(node.id)!}
                            issues={issuesByStep().get(node.id) ?? []}
                            current={props.currentStep === node.id}
                            visited={props.visitedSteps.includes(node.id)}
                            selected={props.selectedStepId === node.id}
                            onSelect={props.onSelect}
                          />
                        )}
                      </Show>
                    )}
                  </For>
                </g>
              </svg>
            );
          }}
        </Show>
      </div>
    </div>
  );
}

interface StepBoxProps {
  node: FlowBox;
  x: number;
  y: number;
  width: number;
  height: number;
  metrics: ReturnType<typeof nodeMetrics> & { full: string };
  issues: readonly DefinitionIssue[];
  current: boolean;
  visited: boolean;
  selected: boolean;
  onSelect: ((stepId: string) => void) | undefined;
}

/** One step: its box, words and marks (当前, 意见表, an issue). */
function StepBox(props: StepBoxProps): JSX.Element {
  const m = () => props.metrics;
  const lineY = (line: number) => 8 + m().titleSize * 1.4 + m().detailSize * (1 + 1.45 * line);
  return (
    <g
      class={`wf-node ${props.node.className}`}
      classList={{
        'wf-current': props.current,
        'wf-visited': props.visited && !props.current,
        'wf-selected': props.selected,
        'wf-has-issue': props.issues.length > 0,
        'wf-conditional': !!props.node.conditional,
        'wf-clickable': !!props.onSelect,
      }}
      transform={`translate(${props.x},${props.y})`}
      data-step={props.node.id}
      data-testid="wf-node"
      tabindex={props.onSelect ? 0 : undefined}
      role={props.onSelect ? 'button' : undefined}
      aria-pressed={props.onSelect ? props.selected : undefined}
      onClick={() => props.onSelect?.(props.node.id)}
      onKeyDown={(e) => {
        if (props.onSelect && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          props.onSelect(props.node.id);
        }
      }}
    >
      <title>{[m().full, ...props.issues.map((i) => `⚠ ${localized(i.message)}`)].join('\n')}</title>
      <rect class="wf-box" width={props.width} height={props.height} rx={props.node.rounded ? props.height / 2 : 6} />
      <rect class="wf-stripe" width="5" height={props.height - 8} x="4" y="4" rx="2" />
      <text class="wf-title" x={props.width / 2} y={8 + m().titleSize} text-anchor="middle" style={{ 'font-size': `${m().titleSize}px` }}>
        {m().lines.title}
      </text>
      <For each={m().lines.detail}>
        {(line, i) => (
          <text class="wf-detail" x={props.width / 2} y={lineY(i())} text-anchor="middle" style={{ 'font-size': `${m().detailSize}px` }}>
            {line}
          </text>
        )}
      </For>
      <Show when={m().lines.condition}>
        <text class="wf-condition" x={props.width / 2} y={lineY(m().lines.detail.length)} text-anchor="middle" style={{ 'font-size': `${m().detailSize}px` }}>
          {m().lines.condition}
        </text>
      </Show>
      <Show when={props.current}>
        <g class="wf-here" transform={`translate(${props.width - 6},-8)`}>
          <rect x={-34} width="40" height="17" rx="8" />
          <text x={-14} y="12.5" text-anchor="middle">{t('wf.here')}</text>
        </g>
      </Show>
      <Show when={props.node.text.opinionForm}>
        <g class="wf-opinion-mark" transform="translate(-6,-8)" role="img" aria-label={props.node.text.opinionForm} data-testid="wf-opinion-mark">
          <title>{props.node.text.opinionForm}</title>
          <rect width="44" height="17" rx="8" />
          <text x="22" y="12.5" text-anchor="middle">{t('wf.opinionMark')}</text>
        </g>
      </Show>
      <Show when={props.issues.length > 0}>
        <g class="wf-issue-mark" transform={`translate(${props.width - 2},${props.height - 2})`}>
          <circle r="8" />
          <text y="4" text-anchor="middle">!</text>
        </g>
      </Show>
    </g>
  );
}
