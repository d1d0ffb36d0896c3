/**
 * /admin/workflows — 流程管理: every workflow definition with its versions, who published
 * each and how many documents are still in flight on it (they stay on their version until
 * an admin migrates them).
 */
import { createResource, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import '../workflow-editor/workflow-editor.css';

export function WorkflowListPage() {
  usePageTitle(() => t('wfe.listTitle'));
  const [list, { refetch }] = createResource(() => trpc.workflows.list.query());
  return (
    <section class="wf-list-page">
      <h1>{t('wfe.listTitle')}</h1>
      <p class="page-intro">{t('wfe.listIntro')}</p>
      <AsyncView resource={list} onRetry={refetch}>
        {(workflows) => (
          <For each={workflows()} fallback={<p class="empty">{t('wfe.listEmpty')}</p>}>
            {(wf) => (
              <section class="card wf-list-item" data-testid="workflow-item" data-key={wf.key}>
                <header class="wf-list-head">
                  <h2>{localized(wf.name)}</h2>
                  <span class="muted mono">{wf.key}</span>
                  <A href={`/admin/workflows/${wf.key}`} class="button button-primary button-small" data-testid="edit-workflow">
                    {t('wfe.edit')}
                  </A>
                </header>
                <table class="list-table">
                  <thead>
                    <tr>
                      <th>{t('wfe.version')}</th>
                      <th>{t('wfe.publishedAt')}</th>
                      <th>{t('wfe.publishedBy')}</th>
                      <th>{t(wf.flow === 'request' ? 'rfe.inFlight' : 'wfe.inFlight')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={[...wf.versions].sort((a, b) => b.version - a.version)}>
                      {(v) => (
                        <tr data-testid="workflow-version">
                          <td>
                            {t('wfe.versionN', { v: v.version })}
                            <Show when={v.version === wf.latestVersion}>
                              {' '}
                              <span class="badge badge-success">{t('wfe.latest')}</span>
                            </Show>
                          </td>
                          <td data-label={t('wfe.publishedAt')} class="nowrap">
                            {v.publishedAt ? formatDateTime(v.publishedAt) : t('wfe.shipped')}
                          </td>
                          <td data-label={t('wfe.publishedBy')}>{v.publishedBy ?? t('wfe.shipped')}</td>
                          <td data-label={t(wf.flow === 'request' ? 'rfe.inFlight' : 'wfe.inFlight')} data-testid="in-flight">
                            {v.inFlight}
                          </td>
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
