/**
 * The request flow as the generic FlowGraph draws it: elkjs places the steps top to bottom
 * and routes every arrow (forward, back, abandonment) with its events as the label; events
 * that keep a request at its step (an extension) are written on the box, with the deadline
 * that runs there. Selecting a box opens the step panel; validation issues mark their boxes
 * and are listed beside the legend.
 */
import { createMemo } from 'solid-js';
import type { RequestFlowDefinition } from '../../../workflows/requests/request-flow-definition';
import { REQUEST_EVENT_LABELS } from '../../../workflows/requests/request-registry';
import { ROLE_LABELS } from '../../../workflows/roles';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import { locale, localized, t, tKnown } from '../i18n/i18n';
import { FlowGraph, type FlowArrow, type FlowBox } from '../workflow-graph/FlowGraph';
import { requestGraph, requestPathEdgeIds, type RequestEdgeKind } from './request-graph-model';
import './request-flow-editor.css';

export interface RequestFlowGraphProps {
  definition: RequestFlowDefinition;
  issues?: readonly DefinitionIssue[];
  selectedStepId?: string | undefined;
  onSelect?: (stepId: string) => void;
  visitedSteps?: readonly string[];
  currentStep?: string | undefined;
}

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

const EDGE_CLASS: Record<RequestEdgeKind, string> = { forward: 'wf-edge-forward', back: 'wf-edge-return', abandon: 'wf-edge-reject' };

export function RequestFlowGraph(props: RequestFlowGraphProps) {
  const model = createMemo(() => requestGraph(props.definition));
  const eventText = (events: readonly string[]) => events.map((e) => localized(REQUEST_EVENT_LABELS[e as keyof typeof REQUEST_EVENT_LABELS])).join(t('wf.listSep'));
  const boxes = createMemo(() => {
    locale();
    return model().nodes.map((node): FlowBox => {
      const step = node.step;
      const kind = tKnown('rfe.kind', step.kind);
      const who = step.role ? localized(ROLE_LABELS[step.role]) : '';
      const stays = node.stays.length ? t('rfe.staysOn', { e: eventText(node.stays) }) : '';
      return {
        id: node.id,
        text: {
          title: localized(step.label) || step.id,
          detail: [who ? `${kind} · ${who}` : kind, stays].filter(Boolean).join('；'),
          condition: step.kind === 'end' ? '' : t('rfe.deadlineOn', { d: tKnown('requests.deadline', step.deadline ?? 'reply') }),
        },
        className: `rf-kind-${step.kind} ${step.kind === 'end' ? 'wf-kind-end' : ''}`,
        rounded: step.kind === 'end',
      };
    });
  });
  const arrows = createMemo(() => {
    locale();
    return model().edges.map((e): FlowArrow => {
      const label = eventText(e.events);
      // An abandonment arrow runs far down the side to the end: its label sits where it starts.
      return { id: e.id, from: e.from, to: e.to, className: `rf-edge-${e.kind} ${EDGE_CLASS[e.kind]}`, marker: e.kind === 'abandon' ? 'reject' : e.kind === 'back' ? 'return' : 'flow', label, title: label, ...(e.kind === 'abandon' ? { labelPlacement: 'TAIL' as const } : {}) };
    });
  });
  const legend = () => [
    { swatch: 'wf-swatch-flow', text: t('rfe.legendForward') },
    { swatch: 'wf-swatch-return', text: t('rfe.legendBack') },
    { swatch: 'rf-swatch-abandon', text: t('rfe.legendAbandon') },
    { swatch: 'wf-swatch-path', text: t('wf.legendPath') },
  ];

  return (
    <FlowGraph
      label={t('wf.graphLabel', { name: localized(props.definition.name) })}
      boxes={boxes()}
      arrows={arrows()}
      legend={legend()}
      issues={props.issues}
      visitedSteps={props.visitedSteps ?? []}
      takenArrows={requestPathEdgeIds(props.visitedSteps ?? [])}
      currentStep={props.currentStep}
      selectedStepId={props.selectedStepId}
      onSelect={props.onSelect}
      elk={REQUEST_LAYOUT}
      class="rf-graph"
      testId="request-flow-graph"
    />
  );
}
