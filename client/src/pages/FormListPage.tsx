/**
 * /admin/forms — 表单管理: every drafting form with its versions, the categories bound to it,
 * and how many documents in flight were filled with each version (they keep it).
 */
import { createResource, createSignal, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { DefinitionCard, DefinitionListPage } from '../components/DefinitionList';
import { usePageTitle } from '../components/page-title';
import '../form-builder/form-builder.css';
import '../forms/form-fields.css';

export function FormListPage() {
  usePageTitle(() => t('fb.listTitle'));
  const [list, { refetch }] = createResource(() => trpc.forms.list.query());
  return (
    <DefinitionListPage
      class="fb-list-page"
      title={t('fb.listTitle')}
      intro={t('fb.listIntro')}
      empty={t('fb.listEmpty')}
      list={list}
      onRetry={refetch}
      before={<NewOpinionForm existing={list()?.map((f) => f.key) ?? []} />}
    >
      {(form) => (
        <DefinitionCard
          testId="form-item"
          definitionKey={form.key}
          title={localized(form.title)}
          editHref={`/admin/forms/${form.key}`}
          editLabel={t('fb.edit')}
          editTestId="edit-form"
          badges={
            <span class="badge" data-testid="form-purpose">
              {form.purpose === 'opinion' ? t('fb.purposeOpinion') : t('fb.purposeDraft')}
            </span>
          }
          note={
            <Show when={form.purpose !== 'opinion'} fallback={<p class="muted">{t('fb.opinionFormHint')}</p>}>
              <p class="muted">{t('fb.boundCategories', { list: form.categories.join('、') || '—' })}</p>
            </Show>
          }
          versions={form.versions}
          latestVersion={form.latestVersion}
          versionTestId="form-version"
          extraColumns={[{ label: t('fb.fieldCount'), cell: (v) => v.fields }]}
          inFlightLabel={t('fb.inFlight')}
        />
      )}
    </DefinitionListPage>
  );
}

/**
 * 新建审查意见表: a key and a title, then the builder opens with a one-field form that is
 * stored only when published. Drafting forms are made by importing a definition (they must
 * keep the core fields).
 */
function NewOpinionForm(props: { existing: readonly string[] }) {
  const navigate = useNavigate();
  const [key, setKey] = createSignal('');
  const [title, setTitle] = createSignal('');
  const [error, setError] = createSignal('');
  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const k = key().trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(k)) return setError(t('fb.newKeyInvalid'));
    if (props.existing.includes(k)) return setError(t('fb.newKeyTaken'));
    if (!title().trim()) return setError(t('fb.newTitleRequired'));
    navigate(`/admin/forms/${k}?new=opinion&title=${encodeURIComponent(title().trim())}`);
  };
  return (
    <form class="card fb-new" onSubmit={create} noValidate data-testid="new-opinion-form">
      <h2>{t('fb.newOpinionTitle')}</h2>
      <p class="help">{t('fb.newOpinionHelp')}</p>
      <div class="fb-new-row">
        <label>
          <span>{t('fb.newTitle')}</span>
          <input data-testid="new-form-title" value={title()} maxLength={100} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('fb.key')}</span>
          <input data-testid="new-form-key" class="mono" value={key()} maxLength={60} placeholder="legality_opinion" onInput={(e) => setKey(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button-primary" data-testid="new-form-create">
          {t('fb.newCreate')}
        </button>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}
