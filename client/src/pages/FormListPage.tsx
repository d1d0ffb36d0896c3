/**
 * /admin/forms — 表单管理: every drafting form with its versions, the categories bound to it,
 * and how many documents in flight were filled with each version (they keep it).
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import '../form-builder/form-builder.css';
import '../forms/form-fields.css';

export function FormListPage() {
  usePageTitle(() => t('fb.listTitle'));
  const [list, { refetch }] = createResource(() => trpc.forms.list.query());
  return (
    <section class="fb-list-page">
      <h1>{t('fb.listTitle')}</h1>
      <p class="page-intro">{t('fb.listIntro')}</p>
      <NewOpinionForm existing={list()?.map((f) => f.key) ?? []} />
      <AsyncView resource={list} onRetry={refetch}>
        {(forms) => (
          <For each={forms()} fallback={<p class="empty">{t('fb.listEmpty')}</p>}>
            {(form) => (
              <section class="card" data-testid="form-item" data-key={form.key}>
                <header class="fb-list-head">
                  <h2>{localized(form.title)}</h2>
                  <span class="muted mono">{form.key}</span>
                  <span class="badge" data-testid="form-purpose">
                    {form.purpose === 'opinion' ? t('fb.purposeOpinion') : t('fb.purposeDraft')}
                  </span>
                  <A href={`/admin/forms/${form.key}`} class="button button-primary button-small" data-testid="edit-form">
                    {t('fb.edit')}
                  </A>
                </header>
                <Show when={form.purpose !== 'opinion'} fallback={<p class="muted">{t('fb.opinionFormHint')}</p>}>
                  <p class="muted">{t('fb.boundCategories', { list: form.categories.join('、') || '—' })}</p>
                </Show>
                <table class="list-table">
                  <thead>
                    <tr>
                      <th>{t('fb.version')}</th>
                      <th>{t('fb.fieldCount')}</th>
                      <th>{t('fb.publishedAt')}</th>
                      <th>{t('fb.publishedBy')}</th>
                      <th>{t('fb.inFlight')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={form.versions}>
                      {(v) => (
                        <tr data-testid="form-version">
                          <td>
                            {t('fb.versionN', { v: v.version })}
                            <Show when={v.version === form.latestVersion}>
                              {' '}
                              <span class="badge badge-published">{t('fb.latest')}</span>
                            </Show>
                          </td>
                          <td data-label={t('fb.fieldCount')}>{v.fields}</td>
                          <td data-label={t('fb.publishedAt')} class="nowrap">
                            {v.publishedAt ? formatDateTime(v.publishedAt) : t('fb.shipped')}
                          </td>
                          <td data-label={t('fb.publishedBy')}>{v.publishedBy ?? t('fb.shipped')}</td>
                          <td data-label={t('fb.inFlight')}>{v.inFlight}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            )}
          </For>
        )}
      </AsyncView>
    </section>
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
