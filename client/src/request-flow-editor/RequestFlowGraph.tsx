/**
 * The request flow drawn as a graph: elkjs places the steps top to bottom and routes every
 * arrow (forward, back, abandonment) with its events as the label; events that keep a
 * request at its step (an extension) are written on the box. Selecting a box opens the step
 * panel; validation issues mark their boxes and are listed above.
 */
import { createMemo, createResource, createUniqueId, For, Show } from 'solid-js';
import type { RequestFlowDefinition } from '../../../workflows/requests/request-flow-definition';
import { REQUEST_EVENT_LABELS } from '../../../workflows/requests/request-registry';
import { ROLE_LABELS } from '../../../workflows/roles';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import { locale, localized, t, tKnown } from '../i18n/i18n';
import { layoutGraph, textWidth } from '../workflow-graph/graph-layout';
import { nodeMetrics } from '../workflow-graph/node-text';
import { pathData } from '../workflow-graph/WorkflowGraph';
import { requestGraph, requestPathEdgeIds } from './request-graph-model';
import '../workflow-graph/workflow-graph.css';
import './request-flow-editor.css';

export interface RequestFlowGraphProps {
  definition: RequestFlowDefinition;
  issues?: readonly DefinitionIssue[];
  selectedStepId?: string | undefined;
  onSelect?: (stepId: string) => void;
  visitedSteps?: readonly string[];
  currentStep?: string | undefined;
}

const LABEL_SIZE = 11;
/**
 * The flow has loops (a correction received, a fee paid, a redraft): ELK must turn the arrows
 * that go back against the steps' order, so the steps read top to bottom as the definition
 * lists them, and a smaller gap between columns keeps the graph inside the card.
 */
const REQUEST_LAYOUT: Record<string, string> = {
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.spacing.nodeNode': '14',
  'elk.spacing.edgeNode': '10',
  'elk.spacing.edgeEdge': '8',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
};

export function RequestFlowGraph(props: RequestFlowGraphProps) {
  const uid = createUniqueId();
  const model = createMemo(() => requestGraph(props.definition));
  const eventText = (events: readonly string[]) => events.map((e) => localized(REQUEST_EVENT_LABELS[e as keyof typeof REQUEST_EVENT_LABELS])).join(t('wf.listSep'));
  const metrics = createMemo(() => {
    locale();
    return new Map(
      model().nodes.map((node) => {
        const step = node.step;
        const kind = tKnown('rfe.kind', step.kind);
        const who = step.role ? localized(ROLE_LABELS[step.role]) : '';
        const deadline = step.kind === 'end' ? '' : t('rfe.deadlineOn', { d: tKnown('requests.deadline', step.deadline ?? 'reply') });
        const stays = node.stays.length ? t('rfe.staysOn', { e: eventText(node.stays) }) : '';
        const text = { title: localized(step.label) || step.id, detail: [who ? `${kind} · ${who}` : kind, stays].filter(Boolean).join('；'), condition: deadline };
        return [node.id, { ...nodeMetrics(text, false), full: [text.title, text.detail, text.condition].filter(Boolean).join('\n') }];
      }),
    );
  });
  const labels = createMemo(() => {
    locale();
    return new Map(model().edges.map((e) => [e.id, eventText(e.events)]));
  });
  const layoutInput = createMemo(() => ({
    nodes: model().nodes.map((n) => ({ id: n.id, width: metrics().get(n.id)!.width, height: metrics().get(n.id)!.height })),
    // An abandonment arrow runs far down the side to the end: its label sits where it starts.
    edges: model().edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      label: { width: textWidth(labels().get(e.id) ?? '', LABEL_SIZE) + 8, height: LABEL_SIZE + 5, ...(e.kind === 'abandon' ? { placement: 'TAIL' as const } : {}) },
    })),
  }));
  const [layout] = createResource(layoutInput, (input) => layoutGraph(input, { elk: REQUEST_LAYOUT }));
  const taken = createMemo(() => requestPathEdgeIds(props.visitedSteps ?? []));
  const issuesByStep = createMemo(() => {
    const map = new Map<string, DefinitionIssue[]>();
    for (const issue of props.issues ?? []) if (issue.stepId) map.set(issue.stepId, [...(map.get(issue.stepId) ?? []), issue]);
    return map;
  });
  const marker = (kind: string) => `url(#${uid}-arrow-${kind})`;

  return (
    <div class="wf-graph rf-graph" data-testid="request-flow-graph">
      <div class="wf-aside">
        <ul class="wf-legend" aria-label={t('wf.legend')}>
          <li><span class="wf-swatch wf-swatch-flow" />{t('rfe.legendForward')}</li>
          <li><span class="wf-swatch wf-swatch-return" />{t('rfe.legendBack')}</li>
          <li><span class="wf-swatch rf-swatch-abandon" />{t('rfe.legendAbandon')}</li>
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
      <div class="wf-canvas">
        <Show when={layout.state === 'ready' || layout.state === 'refreshing' ? layout.latest : undefined} fallback={<p class="muted small">{t('common.loading')}</p>}>
          {(l) => (
            <svg width={l().width} height={l().height} viewBox={`0 0 ${l().width} ${l().height}`} role="group" aria-label={t('wf.graphLabel', { name: localized(props.definition.name) })}>
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
                <For each={model().edges}>
                  {(edge) => {
                    const onPath = () => taken().includes(edge.id);
                    const kind = () => (onPath() ? 'path' : edge.kind === 'abandon' ? 'reject' : edge.kind === 'back' ? 'return' : 'flow');
                    return (
                      <Show when={l().edges[edge.id]}>
                        {(r) => (
                          <g class={`wf-edge rf-edge-${edge.kind} ${edge.kind === 'back' ? 'wf-edge-return' : edge.kind === 'abandon' ? 'wf-edge-reject' : 'wf-edge-forward'}`} classList={{ 'wf-on-path': onPath() }} data-edge={edge.id}>
                            <title>{labels().get(edge.id)}</title>
                            <path d={pathData(r().points)} marker-end={marker(kind())} />
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
              </g>
              <g class="wf-nodes">
                <For each={model().nodes}>
                  {(node) => {
                    const m = () => metrics().get(node.id)!;
                    const issues = () => issuesByStep().get(node.id) ?? [];
                    const current = () => props.currentStep === node.id;
                    return (
                      <Show when={l().nodes[node.id]}>
                        {(b) => (
                          <g
                            class={`wf-node rf-kind-${node.step.kind} ${node.step.kind === 'end' ? 'wf-kind-end' : ''}`}
                            classList={{
                              'wf-current': current(),
                              'wf-visited': (props.visitedSteps ?? []).includes(node.id) && !current(),
                              'wf-selected': props.selectedStepId === node.id,
                              'wf-has-issue': issues().length > 0,
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
                              <text class="wf-condition" x={b().width / 2} y={8 + m().titleSize * 1.4 + m().detailSize * (1 + 1.45 * m().lines.detail.length)} text-anchor="middle" style={{ 'font-size': `${m().detailSize}px` }}>
                                {m().lines.condition}
                              </text>
                            </Show>
                            <Show when={current()}>
                              <g class="wf-here" transform={`translate(${b().width - 6},-8)`}>
                                <rect x={-34} width="40" height="17" rx="8" />
                                <text x={-14} y="12.5" text-anchor="middle">{t('wf.here')}</text>
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
