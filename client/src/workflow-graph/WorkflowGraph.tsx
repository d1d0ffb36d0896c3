/**
 * A release-review workflow as the generic FlowGraph draws it: steps as boxes styled by kind,
 * arrows labelled with the event that takes them. The document's path (visited steps, current step) and a selected step
 * are highlighted; steps with validation issues are outlined red, with the messages in the
 * box's tooltip and listed above the graph. Return arrows are drawn for the selected (or,
 * in the editor's simulation, current) step, and wherever a document was actually returned.
 * A step whose reviewers fill an opinion form carries a small 意见表 mark; conditions read with
 * the registry's labels (plugins' too) when given.
 */
import { createMemo } from 'solid-js';
import type { WorkflowDefinition } from '../../../workflows/definition';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import { locale, localized, t } from '../i18n/i18n';
import { FlowGraph, type FlowArrow, type FlowBox, type LaneArrow } from './FlowGraph';
import { returnRoute } from './graph-layout';
import { pathEdgeIds, returnTargetsOf, visibleEdges, workflowGraph } from './graph-model';
import { edgeText, nodeText, type GuardLabels } from './node-text';

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

export function WorkflowGraph(props: WorkflowGraphProps) {
  const model = createMemo(() => workflowGraph(props.definition));
  const steps = createMemo(() => new Map(props.definition.steps.map((s) => [s.id, s])));
  const stepLabel = (id: string) => localized(steps().get(id)?.label) || id;
  const boxes = createMemo(() => {
    locale();
    return model().nodes.map(
      (node): FlowBox => ({
        id: node.id,
        text: nodeText(node, props.userNames, props.guardLabels),
        className: `wf-kind-${node.step.kind}`,
        rounded: node.step.kind === 'end',
        conditional: node.conditions.length > 0,
      }),
    );
  });
  const arrows = createMemo(() => {
    locale();
    return model()
      .edges.filter((e) => e.kind !== 'return')
      .map((edge): FlowArrow => {
        const label = edgeText(edge, steps().get(edge.from));
        return { id: edge.id, from: edge.from, to: edge.to, className: `wf-edge-${edge.kind}`, marker: edge.kind === 'reject' ? 'reject' : 'flow', label, title: `${stepLabel(edge.from)} → ${stepLabel(edge.to)}：${label}` };
      });
  });
  const path = createMemo(() => {
    const visited = [...(props.visitedSteps ?? [])];
    if (props.currentStep && visited[visited.length - 1] !== props.currentStep) visited.push(props.currentStep);
    return visited;
  });
  const takenEdges = createMemo(() => pathEdgeIds(model(), path()));
  // The compact graph shows the returns a document took, not every return it could take.
  const focus = () => props.selectedStepId ?? (props.compact ? undefined : props.currentStep);
  const returns = createMemo(() =>
    visibleEdges(model(), focus(), takenEdges())
      .filter((e) => e.kind === 'return')
      .map((edge): LaneArrow => ({ id: edge.id, className: 'wf-edge-return', title: t('wf.returnTitle', { from: stepLabel(edge.from), to: stepLabel(edge.to) }), route: (l, lane) => returnRoute(l, edge.from, edge.to, lane) })),
  );
  // The editor keeps room for the step with most returns, so selecting a step never resizes the drawing.
  const maxLanes = createMemo(() =>
    props.compact ? 0 : Math.max(0, ...props.definition.steps.map((s) => (s.kind === 'fill' || s.kind === 'end' ? 0 : returnTargetsOf(s).length))),
  );
  const legend = () => [
    { swatch: 'wf-swatch-flow', text: t('wf.legendFlow') },
    { swatch: 'wf-swatch-skip', text: t('wf.legendSkip') },
    { swatch: 'wf-swatch-return', text: t('wf.legendReturn') },
    { swatch: 'wf-swatch-path', text: t('wf.legendPath') },
  ];

  return (
    <FlowGraph
      label={t('wf.graphLabel', { name: localized(props.definition.name) })}
      boxes={boxes()}
      arrows={arrows()}
      laneArrows={returns()}
      maxLanes={maxLanes()}
      legend={legend()}
      issues={props.issues}
      visitedSteps={path()}
      takenArrows={takenEdges()}
      currentStep={props.currentStep}
      selectedStepId={props.selectedStepId}
      onSelect={props.onSelect}
      compact={props.compact}
      testId={props.testId ?? 'workflow-graph'}
    />
  );
}
