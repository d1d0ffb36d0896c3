/** /documents/new and /documents/:id/edit: the drafting form, empty or filled from the document. */
import { createResource, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { DraftEditor } from '../drafting/DraftEditor';
import { draftValuesOf, emptyDraftValues } from '../drafting/draft-values';
import { ReturnNotice } from '../document/ReturnNotice';

export function DraftFormPage() {
  const params = useParams<{ id?: string }>();
  usePageTitle(() => (params.id ? t('form.editTitle') : t('form.newTitle')));
  return (
    <section>
      <h1>{params.id ? t('form.editTitle') : t('form.newTitle')}</h1>
      {/* Keyed on the id: going from one document's form to another's starts a fresh form. */}
      <Show when={params.id} keyed fallback={<DraftEditor initial={emptyDraftValues()} />}>
        {(id) => <EditExisting id={id} />}
      </Show>
    </section>
  );
}

function EditExisting(props: { id: string }) {
  const [doc, { refetch }] = createResource(() => props.id, (id) => trpc.documents.get.query({ id }));
  return (
    <AsyncView resource={doc} onRetry={refetch}>
      {(d) => (
        <Show
          when={d().can.edit}
          fallback={
            <div class="notice notice-warning">
              {t('form.notEditable')} <A href={`/documents/${d().id}`}>{t('common.back')}</A>
            </div>
          }
        >
          <ReturnNotice doc={d()} />
          <DraftEditor initial={draftValuesOf(d())} existing={{ id: d().id, version: d().version }} />
        </Show>
      )}
    </AsyncView>
  );
}
