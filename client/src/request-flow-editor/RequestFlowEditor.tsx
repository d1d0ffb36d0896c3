/**
 * The editor for a request-flow definition (依申请公开办理流程), opened from
 * /admin/workflows/:key like release review and in the same shell (FlowEditorShell): the
 * graph, the step panel, live validation (the same pure validator the server runs again on
 * publish), simulation, and publishing a new immutable version. Requests in flight stay on
 * the version they started with until an admin migrates them below (moving requests).
 */
import { createMemo } from 'solid-js';
import type { RequestFlowDefinition, RequestStepDefinition } from '../../../workflows/requests/request-flow-definition';
import type { RegistryEntry } from '../../../workflows/registry-catalog';
import { validateDefinition } from '../../../workflows/validate-definition';
import { t } from '../i18n/i18n';
import { createFlowEditor, FlowEditorShell, type FlowEditOps } from '../workflow-editor/FlowEditorShell';
import type { VersionInfo } from '../workflow-editor/MigrationPanel';
import { requestMigration } from '../workflow-editor/migration-api';
import { addRequestStep, removeRequestStep, updateRequestStep } from './request-editor-ops';
import { RequestFlowGraph } from './RequestFlowGraph';
import { createRequestSimulation, RequestSimulationPanel } from './RequestSimulationPanel';
import { RequestStepPanel } from './RequestStepPanel';

export interface RequestFlowEditorProps {
  base: RequestFlowDefinition;
  registry: readonly RegistryEntry[];
  versions: readonly VersionInfo[];
  onPublished: () => void;
}

/** The request flow's edits, for the shared editor shell. */
const requestEditOps: FlowEditOps<RequestFlowDefinition, RequestStepDefinition> = {
  update: updateRequestStep,
  addAfter: (def, afterId, label) => addRequestStep(def, afterId ?? def.steps[0]!.id, label),
  remove: removeRequestStep,
};

export function RequestFlowEditor(props: RequestFlowEditorProps) {
  const editor = createFlowEditor<RequestStepDefinition, RequestFlowDefinition>(props.base, requestEditOps, (v) => t('rfe.published', { v }), props.onPublished);
  const { draft } = editor;
  const simulation = createRequestSimulation(draft);
  const issues = createMemo(() => validateDefinition(draft()));

  return (
    <FlowEditorShell
      editor={editor}
      issues={issues()}
      intro={t('rfe.intro')}
      layoutClass="rf-editor-layout"
      versions={props.versions}
      migration={requestMigration}
      onMigrated={props.onPublished}
      graph={
        <RequestFlowGraph
          definition={draft()}
          issues={issues()}
          selectedStepId={editor.simulating() ? undefined : editor.selected()}
          onSelect={(id) => editor.select(id)}
          visitedSteps={editor.simulating() ? simulation.path() : []}
          currentStep={editor.simulating() ? simulation.current() : undefined}
        />
      }
      simulation={() => <RequestSimulationPanel definition={draft()} simulation={simulation} registry={props.registry} />}
      stepPanel={(step) => (
        <RequestStepPanel
          definition={draft()}
          step={step()}
          editableId={editor.isNew(step().id)}
          issues={issues().filter((i) => i.stepId === step().id)}
          registry={props.registry}
          onChange={editor.change}
          onAddAfter={editor.addAfter}
          onRemove={editor.remove}
        />
      )}
    />
  );
}
