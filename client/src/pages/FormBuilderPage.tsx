/**
 * /admin/forms/:key — the form builder. The latest version is loaded as a draft; fields are
 * added, edited, reordered and removed in a side panel, every edit is validated in the
 * browser (the same pure validateFormDefinition the server runs again on publish), and the
 * preview is the drafter's own form component (conditions, rules and messages included).
 * Publishing creates a new immutable version; documents already drafted keep theirs.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { A, useParams, useSearchParams } from '@solidjs/router';
import { validateFormDefinition, type FormDefinition } from '../../../forms/index';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { errorMessage } from '../errors';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { DraftEditor } from '../drafting/DraftEditor';
import { carryValues, emptyDraftValues } from '../drafting/draft-values';
import { addField, isCoreField, moveField, removeField, renameField, updateField } from '../form-builder/builder-ops';
import { FieldPanel, typeLabel } from '../form-builder/FieldPanel';
import { OpinionFormPreview } from '../forms/OpinionFormPreview';
import '../form-builder/form-builder.css';
import '../forms/form-fields.css';

export function FormBuilderPage() {
  const params = useParams<{ key: string }>();
  return (
    <Show when={params.key} keyed>
      {(key) => <FormBuilder formKey={key} />}
    </Show>
  );
}

/** A new opinion form (审查意见表) starts with one required opinion field; it is stored only by publishing. */
function newOpinionForm(key: string, title: string): { key: string; version: number; definition: FormDefinition } {
  return {
    key,
    version: 0,
    definition: { key, version: 1, purpose: 'opinion', title: { zh: title || key, en: '' }, fields: [{ key: 'opinion', type: 'textarea', label: { zh: t('fb.defaultOpinionZh'), en: t('fb.defaultOpinionEn') }, required: true }] },
  };
}

function FormBuilder(props: { formKey: string }) {
  const [search] = useSearchParams<{ new?: string; title?: string }>();
  const isNew = search.new === 'opinion';
  const [loaded, { refetch }] = createResource(
    () => props.formKey,
    (key) => (isNew ? Promise.resolve(newOpinionForm(key, search.title ?? '')) : trpc.forms.get.query({ key })),
  );
  const [list, { refetch: refetchList }] = createResource(() => trpc.forms.list.query());
  usePageTitle(() => t('fb.title'));
  return (
    <section class="fb-page">
      <p class="no-print">
        <A href="/admin/forms">{t('fb.backToList')}</A>
      </p>
      <AsyncView resource={loaded} onRetry={refetch}>
        {(data) => (
          <Builder
            isNew={isNew}
            base={data().definition}
            versions={list()?.find((f) => f.key === props.formKey)?.versions ?? []}
            onPublished={() => void refetchList()}
          />
        )}
      </AsyncView>
    </section>
  );
}

function Builder(props: { isNew: boolean; base: FormDefinition; versions: readonly { version: number; publishedAt: number; publishedBy: string | null; notes: string }[]; onPublished: () => void }) {
  const [draft, setDraft] = createSignal<FormDefinition>(structuredClone(props.base));
  const [published, setPublished] = createSignal<FormDefinition>(props.base);
  const [selected, setSelected] = createSignal<string | undefined>();
  const [notes, setNotes] = createSignal('');
  const [publishing, setPublishing] = createSignal(false);
  const [unpublished, setUnpublished] = createSignal(props.isNew);
  const [result, setResult] = createSignal<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [previewResult, setPreviewResult] = createSignal('');

  const issues = createMemo(() => validateFormDefinition(draft()));
  const selectedField = createMemo(() => draft().fields.find((f) => f.key === selected()));
  const changed = createMemo(() => unpublished() || JSON.stringify(draft()) !== JSON.stringify(published()));
  const publishedKeys = createMemo(() => new Set(unpublished() ? [] : published().fields.map((f) => f.key)));
  const isOpinion = () => draft().purpose === 'opinion';
  // The preview shows the latest valid draft; while the draft has issues it keeps the last good one.
  let lastValid = props.base;
  const previewDefinition = createMemo(() => (issues().length === 0 ? (lastValid = draft()) : lastValid), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  let previewValues: Record<string, unknown> | null = null;

  const edit = (next: FormDefinition) => {
    setDraft(next);
    setResult(null);
    setPreviewResult('');
  };
  const add = () => {
    const { form, key } = addField(draft(), { zh: t('fb.newFieldZh'), en: t('fb.newFieldEn') });
    edit(form);
    setSelected(key);
  };
  const publish = async () => {
    setPublishing(true);
    setResult(null);
    try {
      const { version } = await trpc.forms.publish.mutate({ definition: draft(), notes: notes().trim() || undefined });
      const stored = { ...draft(), version };
      setDraft(stored);
      setPublished(stored);
      setUnpublished(false);
      setNotes('');
      setResult({ kind: 'success', text: t('fb.published', { v: version }) });
      props.onPublished();
    } catch (error) {
      setResult({ kind: 'error', text: errorMessage(error) });
    } finally {
      setPublishing(false);
    }
  };

  // JSON files, as the CLI reads and writes them: an imported file is only a draft here,
  // validated live like any edit and stored only by publishing it.
  const exportJson = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(draft(), null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${draft().key}.form.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const importJson = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as FormDefinition;
      if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.fields)) throw new Error('not a form');
      edit({ ...parsed, key: draft().key, version: published().version });
      setSelected(undefined);
      setResult({ kind: 'success', text: t('fb.imported', { name: file.name }) });
    } catch {
      setResult({ kind: 'error', text: t('fb.importInvalid', { name: file.name }) });
    }
  };

  return (
    <>
      <header class="fb-head">
        <h1>{localized(draft().title)}</h1>
        <p class="muted">
          <Show when={!unpublished()} fallback={t('fb.newForm', { key: draft().key })}>
            {t('fb.basedOn', { key: draft().key, v: published().version })}
          </Show>
          {' · '}
          {isOpinion() ? t('fb.purposeOpinion') : t('fb.purposeDraft')}
        </p>
        <p class="page-intro">{(isOpinion() ? t('fb.introOpinion') : t('fb.intro'))}</p>
      </header>
      <Show
        when={issues().length}
        fallback={
          <p class="notice notice-success" data-testid="fb-valid">
            {t('fb.valid')}
          </p>
        }
      >
        <div class="notice notice-error" role="alert" data-testid="fb-issues">
          <strong>{t('fb.invalidCount', { n: issues().length })}</strong>
          <ul>
            <For each={issues()}>
              {(issue) => (
                <li>
                  <Show when={issue.fieldKey && draft().fields.some((f) => f.key === issue.fieldKey)} fallback={issue.message}>
                    <button type="button" class="link-button" onClick={() => setSelected(issue.fieldKey)}>
                      {issue.message}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <div class="fb-layout">
        <div class="fb-editing">
          <section class="card fb-fields" aria-label={t('fb.fields')}>
            <h2>{t('fb.fields')}</h2>
            <ol class="fb-field-list">
              <For each={draft().fields}>
                {(field, index) => (
                  <li
                    class="fb-field-row"
                    classList={{ 'fb-selected': field.key === selected(), 'fb-has-issue': issues().some((i) => i.fieldKey === field.key) }}
                    data-testid="fb-field"
                    data-key={field.key}
                  >
                    <button type="button" class="fb-field-name" onClick={() => setSelected(field.key)} aria-pressed={field.key === selected()}>
                      <span>{localized(field.label)}</span>
                      <span class="muted small">
                        {typeLabel(field.type)} · <span class="mono">{field.key}</span>
                      </span>
                    </button>
                    <span class="fb-badges">
                      <Show when={field.required}>
                        <span class="badge">{t('fb.badgeRequired')}</span>
                      </Show>
                      <Show when={field.visibleWhen || field.requiredWhen}>
                        <span class="badge fb-badge-cond">{t('fb.badgeConditional')}</span>
                      </Show>
                      <Show when={isCoreField(field.key, draft())}>
                        <span class="badge fb-badge-core" title={t('fb.coreField')}>
                          {t('fb.badgeCore')}
                        </span>
                      </Show>
                    </span>
                    <span class="fb-move">
                      <button type="button" class="button button-small" aria-label={t('fb.moveUp', { name: localized(field.label) })} disabled={index() === 0} onClick={() => edit(moveField(draft(), field.key, -1))}>
                        ↑
                      </button>
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={t('fb.moveDown', { name: localized(field.label) })}
                        disabled={index() === draft().fields.length - 1}
                        onClick={() => edit(moveField(draft(), field.key, 1))}
                      >
                        ↓
                      </button>
                    </span>
                  </li>
                )}
              </For>
            </ol>
            <button type="button" class="button" data-testid="fb-add" onClick={add}>
              {t('fb.add')}
            </button>
          </section>

          <Show when={selectedField()} keyed fallback={<p class="card muted">{t('fb.selectHint')}</p>}>
            {(field) => (
              <FieldPanel
                form={draft()}
                field={field}
                keyEditable={!publishedKeys().has(field.key)}
                issues={issues().filter((i) => i.fieldKey === field.key)}
                onChange={(patch) => edit(updateField(draft(), field.key, patch))}
                onRename={(to) => {
                  if (!to || to === field.key) return;
                  edit(renameField(draft(), field.key, to));
                  setSelected(to);
                }}
                onRemove={() => {
                  edit(removeField(draft(), field.key));
                  setSelected(undefined);
                }}
              />
            )}
          </Show>

          <section class="card fb-publish">
            <h2>{t('fb.publishTitle')}</h2>
            <label for="fb-notes">{t('fb.notes')}</label>
            <input id="fb-notes" data-testid="fb-notes" value={notes()} maxLength={500} onInput={(e) => setNotes(e.currentTarget.value)} />
            <p class="help">{(isOpinion() ? t('fb.publishHelpOpinion') : t('fb.publishHelp'))}</p>
            <button type="button" class="button button-primary" data-testid="fb-publish" disabled={publishing() || !changed() || issues().length > 0} onClick={() => void publish()}>
              {publishing() ? t('fb.publishing') : t('fb.publish')}
            </button>
            <Show when={result()}>
              {(r) => (
                <p class={`notice ${r().kind === 'success' ? 'notice-success' : 'notice-error'}`} role={r().kind === 'error' ? 'alert' : 'status'} data-testid="fb-result">
                  {r().text}
                </p>
              )}
            </Show>
            <div class="fb-file-actions">
              <button type="button" class="button button-small" data-testid="fb-export" onClick={exportJson}>
                {t('fb.exportJson')}
              </button>
              <label class="button button-small">
                {t('fb.importJson')}
                <input type="file" accept="application/json,.json" class="visually-hidden" data-testid="fb-import" onChange={(e) => void importJson(e.currentTarget)} />
              </label>
            </div>
            <Show when={props.versions.length}>
              <h3>{t('fb.versions')}</h3>
              <ul class="fb-versions">
                <For each={[...props.versions].sort((a, b) => b.version - a.version)}>
                  {(v) => (
                    <li>
                      {t('fb.versionN', { v: v.version })} · {v.publishedAt ? `${formatDateTime(v.publishedAt)} · ${v.publishedBy ?? ''}` : t('fb.shipped')}
                      <Show when={v.notes}> · {v.notes}</Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        </div>

        <section class="fb-preview" aria-label={t('fb.preview')} data-testid="fb-preview">
          <h2>{t('fb.preview')}</h2>
          <p class="help">{issues().length ? t('fb.previewStale') : (isOpinion() ? t('fb.previewHelpOpinion') : t('fb.previewHelp'))}</p>
          <Show when={previewDefinition()} keyed>
            {(def) => (
              <Show
                when={def.purpose !== 'opinion'}
                fallback={
                  <OpinionFormPreview
                    definition={def}
                    initial={previewValues ? carryValues(def, previewValues) : undefined}
                    onValid={() => setPreviewResult(t('fb.previewValid'))}
                    onValues={(values) => {
                      previewValues = values;
                      setPreviewResult('');
                    }}
                  />
                }
              >
              <DraftEditor
                definition={def}
                initial={previewValues ? carryValues(def, previewValues) : emptyDraftValues(def)}
                preview={{
                  onValid: () => setPreviewResult(t('fb.previewValid')),
                  onValues: (values) => {
                    previewValues = values;
                    setPreviewResult('');
                  },
                }}
              />
              </Show>
            )}
          </Show>
          <Show when={previewResult()}>
            <p class="notice notice-success" role="status" data-testid="fb-preview-valid">
              {previewResult()}
            </p>
          </Show>
        </section>
      </div>
    </>
  );
}
