/**
 * A workflow drawn as SVG: steps as boxes styled by kind, arrows labelled with the event
 * that takes them. The document's path (visited steps, current step) and a selected step
 * are highlighted; steps with validation issues are outlined red, with the messages in the
 * box's tooltip and listed above the graph. Return arrows are drawn for the selected (or,
 * in the editor's simulation, current) step, and wherever a document was actually returned.
 * A step whose reviewers fill an opinion form carries a small 意见表 mark; conditions read with
 * the registry's labels (plugins' too) when given.
 */
import { createEffect, createMemo, createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { WorkflowDefinition } from '../../../workflows/definition';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import { locale, localized, t } from '../i18n/i18n';
import { layoutGraph, returnRoute, textWidth, widthWithLanes, type Point } from './graph-layout';
import { pathEdgeIds, returnTargetsOf, visibleEdges, workflowGraph } from './graph-model';
import { edgeText, nodeMetrics, nodeText, type GuardLabels, type NodeMetrics } from './node-text';
import './workflow-graph.css';

export interface WorkflowGraphProps {
  definition: WorkflowDefinition;
  currentStep?: string;
  /** Steps the document passed, in order (the current one may end the list or not). */
  visitedSteps?: readonly string[];
  issues?: readonly DefinitionIssue[];
  selectedStepId?: string;
  onSelect?: (stepId: string) => void;
  /** Smaller boxes and no issue list: the document page. */
  compact?: boolean;
  /** Names for steps that name people as signers. */
  userNames?: Record<string, string>;
  /** Labels of condition names from the server's registry (plugin guards have no catalog entry). */
  guardLabels?: GuardLabels;
  testId?: string;
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

export function WorkflowGraph(props: WorkflowGraphProps) {
  const uid = createUniqueId();
  const model = createMemo(() => workflowGraph(props.definition));
  const steps = createMemo(() => new Map(props.definition.steps.map((s) => [s.id, s])));
  const metrics = createMemo(() => {
    locale();
    const out = new Map<string, NodeMetrics & { full: string; opinionForm: string }>();
    for (const node of model().nodes) {
      const text = nodeText(node, props.userNames, props.guardLabels);
      out.set(node.id, { ...nodeMetrics(text, !!props.compact), full: [text.title, text.detail, text.condition, text.opinionForm].filter(Boolean).join('\n'), opinionForm: text.opinionForm ?? '' });
    }
    return out;
  });
  const flowEdges = createMemo(() => model().edges.filter((e) => e.kind !== 'return'));
  const labels = createMemo(() => {
    locale();
    return new Map(model().edges.map((e) => [e.id, edgeText(e, steps().get(e.from))]));
  });
  const layoutInput = createMemo(() => ({
    nodes: model().nodes.map((n) => ({ id: n.id, width: metrics().get(n.id)!.width, height: metrics().get(n.id)!.height })),
    edges: flowEdges().map((e) => {
      const text = labels().get(e.id) ?? '';
      return { id: e.id, from: e.from, to: e.to, label: { width: textWidth(text, LABEL_SIZE) + 8, height: LABEL_SIZE + 5 } };
    }),
  }));
  const [layout] = createResource(layoutInput, (input) => layoutGraph(input, { compact: !!props.compact }));

  const path = createMemo(() => {
    const visited = [...(props.visitedSteps ?? [])];
    if (props.currentStep && visited[visited.length - 1] !== props.currentStep) visited.push(props.currentStep);
    return visited;
  });
  const takenEdges = createMemo(() => pathEdgeIds(model(), path()));
  // The compact graph shows the returns a document took, not every return it could take.
  const focus = () => props.selectedStepId ?? (props.compact ? undefined : props.currentStep);
  const returnEdges = createMemo(() => visibleEdges(model(), focus(), takenEdges()).filter((e) => e.kind === 'return'));
  const issuesByStep = createMemo(() => {
    const map = new Map<string, DefinitionIssue[]>();
    for (const issue of props.issues ?? []) if (issue.stepId) map.set(issue.stepId, [...(map.get(issue.stepId) ?? []), issue]);
    return map;
  });
  // The editor keeps room for the step with most returns, so selecting a step never resizes the drawing.
  const maxLanes = createMemo(() =>
    props.compact
      ? returnEdges().length
      : Math.max(returnEdges().length, ...props.definition.steps.map((s) => (s.kind === 'fill' || s.kind === 'end' ? 0 : returnTargetsOf(s).length))),
  );
  const marker = (kind: string) => `url(#${uid}-arrow-${kind})`;

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
  const stepLabel = (id: string) => localized(steps().get(id)?.label) || id;

  return (
    <div class="wf-graph" classList={{ 'wf-graph-compact': !!props.compact }} data-testid={props.testId ?? 'workflow-graph'}>
      <Show when={!props.compact}>
        <div class="wf-aside">
          <ul class="wf-legend" aria-label={t('wf.legend')}>
            <li><span class="wf-swatch wf-swatch-flow" />{t('wf.legendFlow')}</li>
            <li><span class="wf-swatch wf-swatch-skip" />{t('wf.legendSkip')}</li>
            <li><span class="wf-swatch wf-swatch-return" />{t('wf.legendReturn')}</li>
            <li><span class="wf-swatch wf-swatch-path" />{t('wf.legendPath')}</li>
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
          {(l) => (
            <svg
              width={widthWithLanes(l(), maxLanes())}
              height={l().height}
              viewBox={`0 0 ${widthWithLanes(l(), maxLanes())} ${l().height}`}
              // The compact graph may shrink a little to fit a phone; beyond that it scrolls.
              style={props.compact ? { 'max-width': '100%', height: 'auto', 'min-width': `${Math.round(widthWithLanes(l(), maxLanes()) * MIN_SCALE)}px` } : undefined}
              // A picture when read-only; a group of buttons (the steps) in the editor.
              role={props.onSelect ? 'group' : 'img'}
              aria-label={t('wf.graphLabel', { name: localized(props.definition.name) })}
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
                <For each={flowEdges()}>
                  {(edge) => {
                    const route = () => l().edges[edge.id];
                    const onPath = () => takenEdges().includes(edge.id);
                    const markerKind = () => (onPath() ? 'path' : edge.kind === 'reject' ? 'reject' : 'flow');
                    return (
                      <Show when={route()}>
                        {(r) => (
                          <g class={`wf-edge wf-edge-${edge.kind}`} classList={{ 'wf-on-path': onPath() }} data-edge={edge.id}>
                            <title>{`${stepLabel(edge.from)} → ${stepLabel(edge.to)}：${labels().get(edge.id) ?? ''}`}</title>
                            <path d={pathData(r().points)} marker-end={marker(markerKind())} />
                            <Show when={r().label}>
                              {(box) => (
                                <text class="wf-edge-label" x={box().x + box().width / 2} y={box().y + box().height - 4} text-anchor="middle">
                                  {labels().get(edge.id)}
                                </text>
                              )}
                            </Show>
                          </g>
                        )}
                      </Show>
                    );
                  }}
                </For>
                <For each={returnEdges()}>
                  {(edge, lane) => {
                    const onPath = () => takenEdges().includes(edge.id);
                    return (
                      <g class="wf-edge wf-edge-return" classList={{ 'wf-on-path': onPath() }} data-edge={edge.id}>
                        <title>{t('wf.returnTitle', { from: stepLabel(edge.from), to: stepLabel(edge.to) })}</title>
                        <path d={pathData(returnRoute(l(), edge.from, edge.to, lane()))} marker-end={marker(onPath() ? 'path' : 'return')} />
                      </g>
                    );
                  }}
                </For>
              </g>
              <g class="wf-nodes">
                <For each={model().nodes}>
                  {(node) => {
                    const box = () => l().nodes[node.id];
                    const m = () => metrics().get(node.id)!;
                    const issues = () => issuesByStep().get(node.id) ?? [];
                    const visited = () => path().includes(node.id);
                    const current = () => props.currentStep === node.id;
                    return (
                      <Show when={box()}>
                        {(b) => (
                          <g
                            class={`wf-node wf-kind-${node.step.kind}`}
                            classList={{
                              'wf-current': current(),
                              'wf-visited': visited() && !current(),
                              'wf-selected': props.selectedStepId === node.id,
                              'wf-has-issue': issues().length > 0,
                              'wf-conditional': node.conditions.length > 0,
                              'wf-clickable': !!props.onSelect,
                            }}
                            transform={`translate(${b().x},${b().y})`}
                            data-step={node.id}
                            data-testid="wf-node"
                            tabindex={props.onSelect ? 0 : undefined}
                            role={props.onSelect ? 'button' : undefined}
                            aria-pressed={props.onSelect ? props.selectedStepId === node.id : undefined}
                            onClick={() => props.onSelect?.(node.id)}
                            onKeyDown={(e) => {
                              if (props.onSelect && (e.key === 'Enter' || e.key === ' ')) {
                                e.preventDefault();
                                props.onSelect(node.id);
                              }
                            }}
                          >
                            <title>{[m().full, ...issues().map((i) => `⚠ ${localized(i.message)}`)].join('\n')}</title>
                            <rect class="wf-box" width={b().width} height={b().height} rx={node.step.kind === 'end' ? b().height / 2 : 6} />
                            <rect class="wf-stripe" width="5" height={b().height - 8} x="4" y="4" rx="2" />
                            <text class="wf-title" x={b().width / 2} y={8 + m().titleSize} text-anchor="middle" style={{ 'font-size': `${m().titleSize}px` }}>
                              {m().lines.title}
                            </text>
                            <For each={m().lines.detail}>
                              {(line, i) => (
                                <text class="wf-detail" x={b().width / 2} y={8 + m().titleSize * 1.4 + m().detailSize * (1 + 1.45 * i())} text-anchor="middle" style={{ 'font-size': `${m().detailSize}px` }}>
                                  {line}
                                </text>
                              )}
                            </For>
                            <Show when={m().lines.condition}>
                              <text
                                class="wf-condition"
                                x={b().width / 2}
                                y={8 + m().titleSize * 1.4 + m().detailSize * (1 + 1.45 * m().lines.detail.length)}
                                text-anchor="middle"
                                style={{ 'font-size': `${m().detailSize}px` }}
                              >
                                {m().lines.condition}
                              </text>
                            </Show>
                            <Show when={current()}>
                              <g class="wf-here" transform={`translate(${b().width - 6},-8)`}>
                                <rect x={-34} width="40" height="17" rx="8" />
                                <text x={-14} y="12.5" text-anchor="middle">{t('wf.here')}</text>
                              </g>
                            </Show>
                            <Show when={m().opinionForm}>
                              <g class="wf-opinion-mark" transform="translate(-6,-8)" role="img" aria-label={m().opinionForm} data-testid="wf-opinion-mark">
                                <title>{m().opinionForm}</title>
                                <rect width="44" height="17" rx="8" />
                                <text x="22" y="12.5" text-anchor="middle">{t('wf.opinionMark')}</text>
                              </g>
                            </Show>
                            <Show when={issues().length > 0}>
                              <g class="wf-issue-mark" transform={`translate(${b().width - 2},${b().height - 2})`}>
                                <circle r="8" />
                                <text y="4" text-anchor="middle">!</text>
                              </g>
                            </Show>
                          </g>
                        )}
                      </Show>
                    );
                  }}
                </For>
              </g>
            </svg>
          )}
        </Show>
      </div>
    </div>
  );
}
