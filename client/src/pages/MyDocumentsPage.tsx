/** 我的起草: the user's own documents and where each one stands. */
import { createResource, Show } from 'solid-js';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { attributeLabel } from '../i18n/labels';
import { AsyncView } from '../components/AsyncView';
import { StatusBadge } from '../components/StatusBadge';
import { usePageTitle } from '../components/page-title';
import { SearchableList } from '../lists/SearchableList';
import { by } from '../lists/list-view';
import type { MyDocument } from '../trpc';
import { ListTable } from '../components/ListTable';
import { DocumentTitleCell } from '../components/DocumentTitleCell';

const MINE_SORTS = {
  newest: by.newest<MyDocument>((d) => d.updatedAt),
  oldest: by.oldest<MyDocument>((d) => d.updatedAt),
  title: by.text<MyDocument>((d) => d.title),
};
const MINE_VIEW = { searchable: (d: MyDocument) => [d.title, d.docNumber, d.stepLabel.zh, d.stepLabel.en, d.indexNumber], sorts: MINE_SORTS, defaultSort: 'newest' as const };

export function MyDocumentsPage() {
  usePageTitle(() => t('mine.title'));
  const [docs, { refetch }] = createResource(() => trpc.documents.mine.query());
  return (
    <section>
      {/* No second 「起草新文件」 link here: the header's is the one place to start a draft. */}
      <h1>{t('mine.title')}</h1>
      <AsyncView resource={docs} onRetry={refetch}>
        {(all) => (
          <Show when={all().length > 0} fallback={<p class="empty">{t('mine.empty')}</p>}>
            <SearchableList items={all()} config={MINE_VIEW} testId="mine-list">
              {(items) => (
                <ListTable columns={[t('col.title'), t('col.step'), t('col.attribute'), t('col.updated'), t('col.indexNumber')]} rows={items()}>
                  {(doc) => (
                    <tr data-testid="document-row">
                      <DocumentTitleCell documentId={doc.id} title={doc.title} docNumber={doc.docNumber} />
                      <td data-label={t('col.step')}>
                        <span class="step-label">{localized(doc.stepLabel)}</span> <StatusBadge status={doc.status} />
                      </td>
                      <td data-label={t('col.attribute')}>{attributeLabel(doc.attribute)}</td>
                      <td data-label={t('col.updated')} class="nowrap">
                        {formatDateTime(doc.updatedAt)}
                      </td>
                      <td data-label={t('col.indexNumber')} class="mono">
                        {doc.indexNumber ?? '—'}
                      </td>
                    </tr>
                  )}
                </ListTable>
              )}
            </SearchableList>
          </Show>
        )}
      </AsyncView>
    </section>
  );
}
