/**
 * /documents/new and /documents/:id/edit: the drafting form, empty or filled from the
 * document. A new document is filled with the latest version of the form bound to its
 * category (and follows the category if the drafter changes it); an existing one always with
 * the version it was filled with.
 */
import { createEffect, createResource, createSignal, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { FormDefinition } from '../../../forms/index';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { AsyncView } from '../components/AsyncView';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../components/page-title';
import { DraftEditor } from '../drafting/DraftEditor';
import { carryValues, draftValuesOf, emptyDraftValues, withDocumentChannels } from '../drafting/draft-values';
import { ReturnNotice } from '../document/ReturnNotice';

export function DraftFormPage() {
  const params = useParams<{ id?: string }>();
  usePageTitle(() => (params.id ? t('form.editTitle') : t('form.newTitle')));
  return (
    <section>
      <h1>{params.id ? t('form.editTitle') : t('form.newTitle')}</h1>
      {/* Keyed on the id: going from one document's form to another's starts a fresh form. */}
      <Show when={params.id} keyed fallback={<NewDraft />}>
        {(id) => <EditExisting id={id} />}
      </Show>
    </section>
  );
}

function NewDraft() {
  const [categoryId, setCategoryId] = createSignal<string | null>(null);
  const [bound, { refetch }] = createResource(
    () => ({ categoryId: categoryId() ?? undefined }),
    (input) => trpc.forms.forDrafting.query(input),
  );
  // The editor is rebuilt only when the form version really changes, carrying what was typed.
  const [definition, setDefinition] = createSignal<FormDefinition>();
  let carried: Record<string, unknown> | null = null;
  createEffect(() => {
    // .latest: a refetch after a category change must not suspend the form being typed in.
    const next = bound.error ? undefined : bound.latest;
    const current = definition();
    if (next && (!current || current.key !== next.key || current.version !== next.version)) setDefinition(next);
  });
  return (
    <Show when={definition()} keyed fallback={bound.error ? <ErrorNotice message={errorMessage(bound.error)} onRetry={refetch} /> : <Loading />}>
      {(def) => (
        <DraftEditor
          definition={def}
          initial={carried ? carryValues(def, carried) : emptyDraftValues(def)}
          onCategoryChange={(id, values) => {
            carried = values;
            setCategoryId(id);
          }}
        />
      )}
    </Show>
  );
}

function EditExisting(props: { id: string }) {
  const [doc, { refetch }] = createResource(() => props.id, async (id) => {
    const view = await trpc.documents.get.query({ id });
    return { view, form: withDocumentChannels(await trpc.forms.pinned.query({ key: view.form.key, version: view.form.version }), view) };
  });
  return (
    <AsyncView resource={doc} onRetry={refetch}>
      {(d) => (
        <Show
          when={d().view.can.edit}
          fallback={
            <div class="notice notice-warning">
              {t('form.notEditable')} <A href={`/documents/${d().view.id}`}>{t('common.back')}</A>
            </div>
          }
        >
          <ReturnNotice doc={d().view} />
          <DraftEditor definition={d().form} initial={draftValuesOf(d().view, d().form)} existing={{ id: d().view.id, version: d().view.version }} />
        </Show>
      )}
    </AsyncView>
  );
}
