/**
 * 我的待办: the documents waiting for this user, newest first; for a legality reviewer also
 * the validity changes (有效性变更) waiting for their decision.
 */
import { createResource, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { attributeLabel } from '../i18n/labels';
import { formatDateTime } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { StatusBadge } from '../components/StatusBadge';
import { DueDate } from '../deadlines/DueDate';
import { usePageTitle } from '../components/page-title';
import { ValidityInbox } from '../validity/ValidityInbox';

export function InboxPage() {
  usePageTitle(() => t('inbox.title'));
  const [tasks, { refetch }] = createResource(() => trpc.review.inbox.query());
  // Empty for anyone but a legality reviewer. A failure here is not worth hiding the tasks for.
  const [changes, { refetch: refetchChanges }] = createResource(() => trpc.validity.pending.query().catch(() => []));
  const pendingChanges = () => changes.latest ?? [];
  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      <AsyncView resource={tasks} onRetry={refetch}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <Show when={pendingChanges().length === 0}>
                <p class="empty">{t('inbox.empty')}</p>
              </Show>
            }
          >
            <table class="list-table">
              <thead>
                <tr>
                  <th>{t('col.title')}</th>
                  <th>{t('col.step')}</th>
                  <th>{t('col.drafter')}</th>
                  <th>{t('col.category')}</th>
                  <th>{t('col.attribute')}</th>
                  <th>{t('col.received')}</th>
                  <th>{t('col.dueDate')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(task) => (
                    <tr data-testid="task-row">
                      <td class="cell-title">
                        <A href={`/documents/${task.documentId}`}>{task.title}</A>
                        <Show when={task.docNumber}>
                          <span class="sub">{task.docNumber}</span>
                        </Show>
                      </td>
                      <td data-label={t('col.step')}>
                        <span class="step-label">{task.stepLabel}</span>{' '}
                        <Show when={task.status === 'returned'}>
                          <StatusBadge status={task.status} />
                        </Show>
                      </td>
                      <td data-label={t('col.drafter')}>{task.drafterName}</td>
                      <td data-label={t('col.category')}>{task.categoryName}</td>
                      <td data-label={t('col.attribute')}>{attributeLabel(task.attribute)}</td>
                      <td data-label={t('col.received')} class="nowrap">
                        {formatDateTime(task.createdAt)}
                      </td>
                      <td data-label={t('col.dueDate')} class="nowrap" data-testid="task-due">
                        <DueDate date={task.dueDate} provisional={task.dueProvisional} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </AsyncView>
      <ValidityInbox items={pendingChanges()} reload={refetchChanges} />
    </section>
  );
}
