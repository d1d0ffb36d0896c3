/**
 * /admin/forms — 表单管理: every drafting form with its versions, the categories bound to it,
 * and how many documents in flight were filled with each version (they keep it).
 */
import { createResource, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import '../form-builder/form-builder.css';

export function FormListPage() {
  usePageTitle(() => t('fb.listTitle'));
  const [list, { refetch }] = createResource(() => trpc.forms.list.query());
  return (
    <section class="fb-list-page">
      <h1>{t('fb.listTitle')}</h1>
      <p class="page-intro">{t('fb.listIntro')}</p>
      <AsyncView resource={list} onRetry={refetch}>
        {(forms) => (
          <For each={forms()} fallback={<p class="empty">{t('fb.listEmpty')}</p>}>
            {(form) => (
              <section class="card" data-testid="form-item" data-key={form.key}>
                <header class="fb-list-head">
                  <h2>{localized(form.title)}</h2>
                  <span class="muted mono">{form.key}</span>
                  <A href={`/admin/forms/${form.key}`} class="button button-primary button-small" data-testid="edit-form">
                    {t('fb.edit')}
                  </A>
                </header>
                <p class="muted">{t('fb.boundCategories', { list: form.categories.join('、') || '—' })}</p>
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
