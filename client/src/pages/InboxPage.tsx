/**
 * 我的待办: the documents waiting for this user, newest first; for a legality reviewer also
 * the validity changes (有效性变更) waiting for their decision.
 */
import { createEffect, createResource, Show } from 'solid-js';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { attributeLabel } from '../i18n/labels';
import { formatDateTime } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { StatusBadge } from '../components/StatusBadge';
import { DueDate } from '../deadlines/DueDate';
import { usePageTitle } from '../components/page-title';
import { ValidityInbox } from '../validity/ValidityInbox';
import { SearchableList } from '../lists/SearchableList';
import { by } from '../lists/list-view';
import type { InboxTask } from '../trpc';
import { ListTable } from '../components/ListTable';
import { DocumentTitleCell } from '../components/DocumentTitleCell';
import { preloadDocumentPage } from '../lazy-pages';

const INBOX_SORTS = {
  newest: by.newest<InboxTask>((t) => t.createdAt),
  oldest: by.oldest<InboxTask>((t) => t.createdAt),
  due: by.date<InboxTask>((t) => t.dueDate),
  title: by.text<InboxTask>((t) => t.title),
};
const INBOX_VIEW = { searchable: (t: InboxTask) => [t.title, t.docNumber, t.drafterName, t.categoryName, t.stepLabel.zh, t.stepLabel.en], sorts: INBOX_SORTS, defaultSort: 'newest' as const };

export function InboxPage() {
  usePageTitle(() => t('inbox.title'));
  const [tasks, { refetch }] = createResource(() => trpc.review.inbox.query());
  // Empty for anyone but a legality reviewer. A failure here is not worth hiding the tasks for.
  const [changes, { refetch: refetchChanges }] = createResource(() => trpc.validity.pending.query().catch(() => []));
  const pendingChanges = () => changes.latest ?? [];
  // With a task listed, the document page is where this person goes next: its scripts come now, when idle.
  createEffect(() => {
    if (tasks.state === 'ready' && tasks().length > 0) preloadDocumentPage();
  });
  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      <AsyncView resource={tasks} onRetry={refetch}>
        {(all) => (
          <Show
            when={all().length > 0}
            fallback={
              <Show when={pendingChanges().length === 0}>
                <p class="empty">{t('inbox.empty')}</p>
              </Show>
            }
          >
            <SearchableList items={all()} config={INBOX_VIEW} testId="inbox-list">
              {(items) => (
                <ListTable
                  columns={[t('col.title'), t('col.step'), t('col.drafter'), t('col.category'), t('col.attribute'), t('col.received'), t('col.dueDate')]}
                  rows={items()}
                >
                  {(task) => (
                    <tr data-testid="task-row">
                      <DocumentTitleCell documentId={task.documentId} title={task.title} docNumber={task.docNumber} />
                      <td data-label={t('col.step')}>
                        <span class="step-label">{localized(task.stepLabel)}</span>{' '}
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
                </ListTable>
              )}
            </SearchableList>
          </Show>
        )}
      </AsyncView>
      <ValidityInbox items={pendingChanges()} reload={refetchChanges} />
    </section>
  );
}
