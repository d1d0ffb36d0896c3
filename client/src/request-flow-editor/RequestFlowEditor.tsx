/**
 * The editor for a request-flow definition (依申请公开办理流程), opened from
 * /admin/workflows/:key like release review: the graph, the step panel, live validation (the
 * same pure validator the server runs again on publish), simulation, and publishing a new
 * immutable version. Requests in flight stay on the version they started with until an
 * admin migrates them below (the same panel as release review, moving requests).
 */
import { createMemo, createSignal, Show } from 'solid-js';
import type { RequestFlowDefinition, RequestStepDefinition } from '../../../workflows/requests/request-flow-definition';
import type { RegistryEntry } from '../../../workflows/registry-catalog';
import { validateDefinition } from '../../../workflows/validate-definition';
import { errorMessage } from '../errors';
import { localized, t } from '../i18n/i18n';
import { trpc } from '../trpc';
import { MigrationPanel, type VersionInfo } from '../workflow-editor/MigrationPanel';
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

export function RequestFlowEditor(props: RequestFlowEditorProps) {
  const [draft, setDraft] = createSignal<RequestFlowDefinition>(structuredClone(props.base));
  const [baseVersion, setBaseVersion] = createSignal(props.base.version);
  const [storedJson, setStoredJson] = createSignal(JSON.stringify(props.base));
  const [selected, setSelected] = createSignal<string | undefined>();
  const [newIds, setNewIds] = createSignal<Set<string>>(new Set());
  const [notes, setNotes] = createSignal('');
  const [publishing, setPublishing] = createSignal(false);
  const [result, setResult] = createSignal<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [simulating, setSimulating] = createSignal(false);
  const simulation = createRequestSimulation(draft);

  const issues = createMemo(() => validateDefinition(draft()));
  const selectedStep = createMemo(() => draft().steps.find((s) => s.id === selected()));
  const changed = createMemo(() => JSON.stringify({ ...draft(), version: 0 }) !== JSON.stringify({ ...JSON.parse(storedJson()), version: 0 }));

  const edit = (next: RequestFlowDefinition) => {
    setDraft(next);
    setResult(null);
  };
  const change = (patch: Partial<RequestStepDefinition>) => {
    const id = selected();
    if (!id) return;
    edit(updateRequestStep(draft(), id, patch));
    if (patch.id !== undefined && patch.id !== id) {
      setNewIds(new Set([...newIds()].map((n) => (n === id ? patch.id! : n))));
      setSelected(patch.id);
    }
  };
  const addAfter = () => {
    const { definition, id } = addRequestStep(draft(), selected() ?? draft().steps[0]!.id, { zh: t('wfe.newStepZh'), en: 'New step' });
    edit(definition);
    setNewIds(new Set([...newIds(), id]));
    setSelected(id);
  };
  const remove = () => {
    const id = selected();
    if (!id) return;
    edit(removeRequestStep(draft(), id));
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
      setResult({ kind: 'success', text: t('rfe.published', { v: version }) });
      props.onPublished();
    } catch (error) {
      setResult({ kind: 'error', text: errorMessage(error) });
    } finally {
      setPublishing(false);
    }
  };

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
      <p class="page-intro">{t('rfe.intro')}</p>
      <div class="wf-editor-layout rf-editor-layout">
        <div class="card wf-graph-card">
          <div class="wf-graph-tools">
            <label class="choice">
              <input type="checkbox" data-testid="sim-toggle" checked={simulating()} onChange={(e) => setSimulating(e.currentTarget.checked)} />
              <span>{t('wfe.simToggle')}</span>
            </label>
          </div>
          <RequestFlowGraph
            definition={draft()}
            issues={issues()}
            selectedStepId={simulating() ? undefined : selected()}
            onSelect={(id) => setSelected(id)}
            visitedSteps={simulating() ? simulation.path() : []}
            currentStep={simulating() ? simulation.current() : undefined}
          />
        </div>
        <div class="wf-editor-side">
          <Show when={simulating()}>
            <RequestSimulationPanel definition={draft()} simulation={simulation} registry={props.registry} />
          </Show>
          <Show when={selectedStep()} fallback={<p class="card muted" data-testid="step-panel-empty">{t('wfe.selectHint')}</p>}>
            {(step) => (
              <RequestStepPanel
                definition={draft()}
                step={step()}
                editableId={newIds().has(step().id)}
                issues={issues().filter((i) => i.stepId === step().id)}
                registry={props.registry}
                onChange={change}
                onAddAfter={addAfter}
                onRemove={remove}
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
        <MigrationPanel workflowKey={draft().key} versions={props.versions} api={requestMigration} onMigrated={props.onPublished} />
      </Show>
    </>
  );
}
