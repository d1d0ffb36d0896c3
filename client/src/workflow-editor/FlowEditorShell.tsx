/**
 * The editor page of a flow definition, for either flow family: the draft and its edits
 * (createFlowEditor), and the page around the family's own graph, simulation and step panel
 * (FlowEditorShell): heading with the validity badge, the graph card with the simulation
 * switch, the side column, publishing a new immutable version, and the migration of what is
 * in flight once there are two versions. Release review and the request flow differ only in
 * their steps, so each passes its edit operations and panels.
 */
import { createMemo, createSignal, Show, type Accessor, type JSX } from 'solid-js';
import type { LocalizedText } from '../../../workflows/definition';
import type { DefinitionIssue } from '../../../workflows/validate-definition';
import { errorMessage } from '../errors';
import { localized, t } from '../i18n/i18n';
import { trpc } from '../trpc';
import { MigrationPanel, type VersionInfo } from './MigrationPanel';
import type { MigrationApi } from './migration-api';
import './workflow-editor.css';

interface FlowDefinition<S extends { id: string }> {
  key: string;
  version: number;
  name: LocalizedText;
  steps: S[];
}

/** The pure edits of one family (editor-ops.ts, request-editor-ops.ts). */
export interface FlowEditOps<D, S> {
  update: (def: D, id: string, patch: Partial<S>) => D;
  /** Adds a step after `afterId` (the family's default place when none is selected). */
  addAfter: (def: D, afterId: string | undefined, label: LocalizedText) => { definition: D; id: string };
  remove: (def: D, id: string) => D;
}

export interface FlowEditor<D, S> {
  draft: Accessor<D>;
  edit: (next: D) => void;
  selected: Accessor<string | undefined>;
  select: (id: string | undefined) => void;
  selectedStep: Accessor<S | undefined>;
  /** Steps added since the last publication: only their ids may still change. */
  isNew: (id: string) => boolean;
  change: (patch: Partial<S>) => void;
  addAfter: () => void;
  remove: () => void;
  simulating: Accessor<boolean>;
}

interface PublishState {
  baseVersion: Accessor<number>;
  changed: Accessor<boolean>;
  notes: Accessor<string>;
  setNotes: (text: string) => void;
  publishing: Accessor<boolean>;
  result: Accessor<{ kind: 'error' | 'success'; text: string } | null>;
  publish: () => Promise<void>;
  setSimulating: (on: boolean) => void;
}

/**
 * The draft of a definition being edited, immutable (every change re-validates and redraws),
 * and its publication as the next version.
 * @example const editor = createFlowEditor(props.base, reviewEditOps, (v) => t('wfe.published', { v }), props.onPublished);
 */
export function createFlowEditor<S extends { id: string }, D extends FlowDefinition<S>>(
  base: D,
  ops: FlowEditOps<D, S>,
  publishedText: (version: number) => string,
  onPublished: () => void,
): FlowEditor<D, S> & PublishState {
  const [draft, setDraft] = createSignal<D>(structuredClone(base));
  const [baseVersion, setBaseVersion] = createSignal(base.version);
  // What the newest stored version says: publishing is offered only for a real change.
  const [storedJson, setStoredJson] = createSignal(JSON.stringify(base));
  const [selected, select] = createSignal<string | undefined>();
  const [newIds, setNewIds] = createSignal<Set<string>>(new Set());
  const [notes, setNotes] = createSignal('');
  const [publishing, setPublishing] = createSignal(false);
  const [result, setResult] = createSignal<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [simulating, setSimulating] = createSignal(false);
  const changed = createMemo(() => JSON.stringify({ ...draft(), version: 0 }) !== JSON.stringify({ ...JSON.parse(storedJson()), version: 0 }));

  const edit = (next: D) => {
    setDraft(() => next);
    setResult(null);
  };
  return {
    draft,
    edit,
    selected,
    select,
    selectedStep: createMemo(() => draft().steps.find((s) => s.id === selected())),
    isNew: (id) => newIds().has(id),
    change: (patch) => {
      const id = selected();
      if (!id) return;
      edit(ops.update(draft(), id, patch));
      const renamed: string | undefined = patch.id;
      if (renamed !== undefined && renamed !== id) {
        setNewIds(new Set([...newIds()].map((n) => (n === id ? renamed : n))));
        select(renamed);
      }
    },
    addAfter: () => {
      const { definition, id } = ops.addAfter(draft(), selected(), { zh: t('wfe.newStepZh'), en: 'New step' });
      edit(definition);
      setNewIds(new Set([...newIds(), id]));
      select(id);
    },
    remove: () => {
      const id = selected();
      if (!id) return;
      edit(ops.remove(draft(), id));
      select(undefined);
    },
    simulating,
    setSimulating,
    baseVersion,
    changed,
    notes,
    setNotes,
    publishing,
    result,
    publish: async () => {
      setPublishing(true);
      setResult(null);
      try {
        const trimmed = notes().trim();
        const { version } = await trpc.workflows.publish.mutate({ definition: draft(), ...(trimmed ? { notes: trimmed } : {}) });
        setDraft(() => ({ ...draft(), version }));
        setStoredJson(JSON.stringify(draft()));
        setBaseVersion(version);
        setNewIds(new Set<string>());
        setNotes('');
        setResult({ kind: 'success', text: publishedText(version) });
        onPublished();
      } catch (error) {
        setResult({ kind: 'error', text: errorMessage(error) });
      } finally {
        setPublishing(false);
      }
    },
  };
}

export interface FlowEditorShellProps<S extends { id: string }, D extends FlowDefinition<S>> {
  editor: FlowEditor<D, S> & PublishState;
  issues: readonly DefinitionIssue[];
  intro: string;
  /** The family's graph, simulation panel (shown while simulating) and step panel. */
  graph: JSX.Element;
  simulation: () => JSX.Element;
  stepPanel: (step: Accessor<S>) => JSX.Element;
  layoutClass?: string;
  versions: readonly VersionInfo[];
  migration: MigrationApi;
  onMigrated: () => void;
}

export function FlowEditorShell<S extends { id: string }, D extends FlowDefinition<S>>(props: FlowEditorShellProps<S, D>) {
  const e = () => props.editor;
  return (
    <>
      <header class="wf-editor-head">
        <div>
          <h1>{t('wfe.heading', { name: localized(e().draft().name) })}</h1>
          <p class="muted">{t('wfe.basedOn', { key: e().draft().key, v: e().baseVersion() })}</p>
        </div>
        <div class="wf-status" aria-live="polite">
          <Show when={props.issues.length === 0} fallback={<span class="badge badge-danger" data-testid="wf-invalid">{t('wfe.invalidCount', { n: props.issues.length })}</span>}>
            <span class="badge badge-success" data-testid="wf-valid">{t('wfe.valid')}</span>
          </Show>
        </div>
      </header>
      <p class="page-intro">{props.intro}</p>

      <div class={`wf-editor-layout ${props.layoutClass ?? ''}`}>
        <div class="card wf-graph-card">
          <div class="wf-graph-tools">
            <label class="choice">
              <input type="checkbox" data-testid="sim-toggle" checked={e().simulating()} onChange={(ev) => e().setSimulating(ev.currentTarget.checked)} />
              <span>{t('wfe.simToggle')}</span>
            </label>
          </div>
          {props.graph}
        </div>
        <div class="wf-editor-side">
          <Show when={e().simulating()}>{props.simulation()}</Show>
          <Show when={e().selectedStep()} fallback={<p class="card muted" data-testid="step-panel-empty">{t('wfe.selectHint')}</p>}>
            {(step) => props.stepPanel(step)}
          </Show>
          <section class="card wf-publish" aria-labelledby="wf-publish-title">
            <h2 id="wf-publish-title">{t('wfe.publishTitle')}</h2>
            <div class="field">
              <label for="publish-notes">{t('wfe.notes')}</label>
              <textarea id="publish-notes" data-testid="publish-notes" rows="2" value={e().notes()} onInput={(ev) => e().setNotes(ev.currentTarget.value)} placeholder={t('wfe.notesPlaceholder')} />
            </div>
            <Show when={props.issues.length > 0}>
              <p class="help">{t('wfe.fixFirst')}</p>
            </Show>
            <button type="button" class="button button-primary" data-testid="publish" disabled={e().publishing() || props.issues.length > 0 || !e().changed()} onClick={() => void e().publish()}>
              {e().publishing() ? t('wfe.publishing') : t('wfe.publish')}
            </button>
            <div aria-live="polite">
              <Show when={e().result()}>
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
        <MigrationPanel workflowKey={e().draft().key} versions={props.versions} api={props.migration} onMigrated={props.onMigrated} />
      </Show>
    </>
  );
}
