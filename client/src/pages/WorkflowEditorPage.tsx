/**
 * /admin/workflows/:key — the visual workflow editor. The latest version is loaded as a
 * draft; every edit re-validates it in the browser (the same pure validateDefinition the
 * server runs again on publish) and the issues appear on the graph. Publishing creates a
 * new immutable version; documents in flight stay where they are until migrated below.
 */
import { createMemo, createResource, createSignal, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { StepDefinition, WorkflowDefinition } from '../../../workflows/definition';
import { validateDefinition } from '../../../workflows/validate-definition';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { WorkflowGraph } from '../workflow-graph/WorkflowGraph';
import { addStepAfter, moveStep, removeStep, updateStep } from '../workflow-editor/editor-ops';
import { StepPanel, type EditorUser } from '../workflow-editor/StepPanel';
import { createSimulation, SimulationPanel } from '../workflow-editor/SimulationPanel';
import { MigrationPanel } from '../workflow-editor/MigrationPanel';
import { documentMigration } from '../workflow-editor/migration-api';
import { editorRegistry, registryEntries } from '../workflow-editor/registry-entries';
import { RequestFlowEditor } from '../request-flow-editor/RequestFlowEditor';
import { isRequestFlow, type AnyWorkflowDefinition } from '../../../workflows/any-definition';
import { guardLabelsOf, type RegistryEntry } from '../../../workflows/registry-catalog';
import '../workflow-editor/workflow-editor.css';

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

function Editor(props: EditorProps) {
  const [draft, setDraft] = createSignal<WorkflowDefinition>(structuredClone(props.base));
  const [baseVersion, setBaseVersion] = createSignal(props.base.version);
  const [selected, setSelected] = createSignal<string | undefined>();
  const [newIds, setNewIds] = createSignal<Set<string>>(new Set());
  const [notes, setNotes] = createSignal('');
  const [publishing, setPublishing] = createSignal(false);
  const [result, setResult] = createSignal<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [simulating, setSimulating] = createSignal(false);
  // Validated and simulated with the names the server's registry knows, plugins included.
  const registry = createMemo(() => editorRegistry(props.registry));
  const simulation = createSimulation(draft, registry);

  const issues = createMemo(() => validateDefinition(draft(), registry()));
  const selectedStep = createMemo(() => draft().steps.find((s) => s.id === selected()));
  const stepIssues = createMemo(() => issues().filter((i) => i.stepId === selected()));
  // What the newest stored version says: publishing is offered only for a real change.
  const [storedJson, setStoredJson] = createSignal(JSON.stringify(props.base));
  const changed = createMemo(() => JSON.stringify({ ...draft(), version: 0 }) !== JSON.stringify({ ...JSON.parse(storedJson()), version: 0 }));
  const userNames = createMemo(() => Object.fromEntries(props.users.map((u) => [u.id, u.displayName])));

  const edit = (next: WorkflowDefinition) => {
    setDraft(next);
    setResult(null);
  };
  const change = (patch: Partial<StepDefinition>) => {
    const id = selected();
    if (!id) return;
    edit(updateStep(draft(), id, patch));
    if (patch.id !== undefined && patch.id !== id) {
      setNewIds(new Set([...newIds()].map((n) => (n === id ? patch.id! : n))));
      setSelected(patch.id);
    }
  };
  const addAfter = () => {
    const { definition, id } = addStepAfter(draft(), selected() ?? 'draft', { zh: t('wfe.newStepZh'), en: 'New step' });
    edit(definition);
    setNewIds(new Set([...newIds(), id]));
    setSelected(id);
  };
  const remove = () => {
    const id = selected();
    if (!id) return;
    edit(removeStep(draft(), id));
    setSelected(undefined);
  };

  const publish = async () => {
    setPublishing(true);
    setResult(null);
    try {
      const trimmed = notes().trim();
      const { version } = await trpc.workflows.publish.mutate({ definition: draft(), ...(trimmed ? { notes: trimmed } : {}) });
      setDraft({ ...draft(), version });
      setStoredJson(JSON.stringify(draft()));
      setBaseVersion(version);
      setNewIds(new Set<string>());
      setNotes('');
      setResult({ kind: 'success', text: t('wfe.published', { v: version }) });
      props.onPublished();
    } catch (error) {
      setResult({ kind: 'error', text: errorMessage(error) });
    } finally {
      setPublishing(false);
    }
  };

  const graphPath = () => (simulating() ? simulation.path() : { visited: [], current: undefined });

  return (
    <>
      <header class="wf-editor-head">
        <div>
          <h1>{t('wfe.heading', { name: localized(draft().name) })}</h1>
          <p class="muted">{t('wfe.basedOn', { key: draft().key, v: baseVersion() })}</p>
        </div>
        <div class="wf-status" aria-live="polite">
          <Show when={issues().length === 0} fallback={<span class="badge badge-danger" data-testid="wf-invalid">{t('wfe.invalidCount', { n: issues().length })}</span>}>
            <span class="badge badge-success" data-testid="wf-valid">{t('wfe.valid')}</span>
          </Show>
        </div>
      </header>
      <p class="page-intro">{t('wfe.intro')}</p>

      <div class="wf-editor-layout">
        <div class="card wf-graph-card">
          <div class="wf-graph-tools">
            <label class="choice">
              <input type="checkbox" data-testid="sim-toggle" checked={simulating()} onChange={(e) => setSimulating(e.currentTarget.checked)} />
              <span>{t('wfe.simToggle')}</span>
            </label>
          </div>
          <WorkflowGraph
            definition={draft()}
            issues={issues()}
            selectedStepId={simulating() ? undefined : selected()}
            onSelect={(id) => setSelected(id)}
            visitedSteps={graphPath().visited}
            currentStep={graphPath().current}
            userNames={userNames()}
            guardLabels={guardLabelsOf(props.registry)}
            testId="editor-graph"
          />
        </div>
        <div class="wf-editor-side">
          <Show when={simulating()}>
            <SimulationPanel definition={draft()} simulation={simulation} registryEntries={props.registry} />
          </Show>
          <Show when={selectedStep()} fallback={<p class="card muted" data-testid="step-panel-empty">{t('wfe.selectHint')}</p>}>
            {(step) => (
              <StepPanel
                definition={draft()}
                step={step()}
                editableId={newIds().has(step().id)}
                issues={stepIssues()}
                users={props.users}
                onChange={change}
                onAddAfter={addAfter}
                onRemove={remove}
                onMove={(by) => edit(moveStep(draft(), step().id, by))}
              />
            )}
          </Show>
          <section class="card wf-publish" aria-labelledby="wf-publish-title">
            <h2 id="wf-publish-title">{t('wfe.publishTitle')}</h2>
            <div class="field">
              <label for="publish-notes">{t('wfe.notes')}</label>
              <textarea id="publish-notes" data-testid="publish-notes" rows="2" value={notes()} onInput={(e) => setNotes(e.currentTarget.value)} placeholder={t('wfe.notesPlaceholder')} />
            </div>
            <Show when={issues().length > 0}>
              <p class="help">{t('wfe.fixFirst')}</p>
            </Show>
            <button type="button" class="button button-primary" data-testid="publish" disabled={publishing() || issues().length > 0 || !changed()} onClick={publish}>
              {publishing() ? t('wfe.publishing') : t('wfe.publish')}
            </button>
            <div aria-live="polite">
              <Show when={result()}>
                {(r) => (
                  <p class={`notice notice-${r().kind}`} role={r().kind === 'error' ? 'alert' : 'status'} data-testid={`publish-${r().kind}`}>
                    {r().text}
                  </p>
                )}
              </Show>
            </div>
          </section>
        </div>
      </div>

      {/* Keyed on the number of versions: a newly published one becomes the default target. */}
      <Show when={props.versions.length > 1 ? props.versions.length : 0} keyed>
        <MigrationPanel workflowKey={draft().key} versions={props.versions} api={documentMigration} onMigrated={props.onPublished} />
      </Show>
    </>
  );
}
