/**
 * /admin/workflows/:key — the visual workflow editor. The latest version is loaded as a
 * draft; every edit re-validates it in the browser (the same pure validateDefinition the
 * server runs again on publish) and the issues appear on the graph. Publishing creates a
 * new immutable version; documents in flight stay where they are until migrated below. The
 * page around the graph and panels is the shared FlowEditorShell; the request flow has its
 * own graph and panels in the same shell (RequestFlowEditor).
 */
import { createMemo, createResource, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { StepDefinition, WorkflowDefinition } from '../../../workflows/definition';
import { validateDefinition } from '../../../workflows/validate-definition';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { WorkflowGraph } from '../workflow-graph/WorkflowGraph';
import { addStepAfter, moveStep, removeStep, updateStep } from '../workflow-editor/editor-ops';
import { StepPanel, type EditorUser } from '../workflow-editor/StepPanel';
import { createSimulation, SimulationPanel } from '../workflow-editor/SimulationPanel';
import { createFlowEditor, FlowEditorShell, type FlowEditOps } from '../workflow-editor/FlowEditorShell';
import { documentMigration } from '../workflow-editor/migration-api';
import { editorRegistry, registryEntries } from '../workflow-editor/registry-entries';
import { RequestFlowEditor } from '../request-flow-editor/RequestFlowEditor';
import { isRequestFlow, type AnyWorkflowDefinition } from '../../../workflows/any-definition';
import { guardLabelsOf, type RegistryEntry } from '../../../workflows/registry-catalog';

export function WorkflowEditorPage() {
  const params = useParams<{ key: string }>();
  return (
    <Show when={params.key} keyed>
      {(key) => <WorkflowEditor workflowKey={key} />}
    </Show>
  );
}

function WorkflowEditor(props: { workflowKey: string }) {
  const [loaded, { refetch }] = createResource(() => props.workflowKey, (key) => trpc.workflows.get.query({ key }));
  const [list, { refetch: refetchList }] = createResource(() => trpc.workflows.list.query());
  // Named signers are optional: without the user list the editor still works by role.
  const [users] = createResource(() => trpc.users.list.query().catch(() => []));
  // The registry's names as the server knows them (plugins included): the editors' choices.
  const [registry] = createResource(registryEntries);
  usePageTitle(() => t('wfe.title'));
  return (
    <section class="wf-editor-page">
      <p class="no-print">
        <A href="/admin/workflows">{t('wfe.backToList')}</A>
      </p>
      <AsyncView resource={loaded} onRetry={refetch}>
        {(data) => (
          // The request flow (flow: 'request') has its own editor; release review keeps this one.
          <Show
            when={!isRequestFlow(data().definition as AnyWorkflowDefinition)}
            fallback={
              <Show when={registry()} keyed>
                {(entries) => (
                  <RequestFlowEditor
                    base={data().definition as never}
                    registry={entries}
                    versions={list()?.find((w) => w.key === props.workflowKey)?.versions ?? []}
                    onPublished={() => void refetchList()}
                  />
                )}
              </Show>
            }
          >
          <Editor
            base={data().definition as WorkflowDefinition}
            registry={registry() ?? []}
            versions={list()?.find((w) => w.key === props.workflowKey)?.versions ?? []}
            users={(users() ?? []).filter((u) => !u.disabled).map((u): EditorUser => ({ id: u.id, displayName: u.displayName, department: u.department }))}
            onPublished={() => {
              void refetchList();
            }}
          />
          </Show>
        )}
      </AsyncView>
    </section>
  );
}

interface EditorProps {
  base: WorkflowDefinition;
  versions: readonly { version: number; inFlight: number }[];
  users: readonly EditorUser[];
  registry: readonly RegistryEntry[];
  onPublished: () => void;
}

/** Release review's edits, for the shared editor shell. */
const reviewEditOps: FlowEditOps<WorkflowDefinition, StepDefinition> = {
  update: updateStep,
  addAfter: (def, afterId, label) => addStepAfter(def, afterId ?? 'draft', label),
  remove: removeStep,
};

function Editor(props: EditorProps) {
  const editor = createFlowEditor<StepDefinition, WorkflowDefinition>(props.base, reviewEditOps, (v) => t('wfe.published', { v }), props.onPublished);
  const { draft } = editor;
  // Validated and simulated with the names the server's registry knows, plugins included.
  const registry = createMemo(() => editorRegistry(props.registry));
  const simulation = createSimulation(draft, registry);
  const issues = createMemo(() => validateDefinition(draft(), registry()));
  const userNames = createMemo(() => Object.fromEntries(props.users.map((u) => [u.id, u.displayName])));
  const graphPath = () => (editor.simulating() ? simulation.path() : { visited: [], current: undefined });

  return (
    <FlowEditorShell
      editor={editor}
      issues={issues()}
      intro={t('wfe.intro')}
      versions={props.versions}
      migration={documentMigration}
      onMigrated={props.onPublished}
      graph={
        <WorkflowGraph
          definition={draft()}
          issues={issues()}
          selectedStepId={editor.simulating() ? undefined : editor.selected()}
          onSelect={(id) => editor.select(id)}
          visitedSteps={graphPath().visited}
          currentStep={graphPath().current}
          userNames={userNames()}
          guardLabels={guardLabelsOf(props.registry)}
          testId="editor-graph"
        />
      }
      simulation={() => <SimulationPanel definition={draft()} simulation={simulation} registryEntries={props.registry} />}
      stepPanel={(step) => (
        <StepPanel
          definition={draft()}
          step={step()}
          editableId={editor.isNew(step().id)}
          issues={issues().filter((i) => i.stepId === step().id)}
          users={props.users}
          onChange={editor.change}
          onAddAfter={editor.addAfter}
          onRemove={editor.remove}
          onMove={(by) => editor.edit(moveStep(draft(), step().id, by))}
        />
      )}
    />
  );
}
