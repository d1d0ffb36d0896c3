/** 法定公开时限 on the deadline board: documents whose statutory disclosure clock is running out. */
import { Show } from 'solid-js';
import { DocumentTitleLink } from './DocumentTitleLink';
import { localized, t } from '../i18n/i18n';
import type { DocumentDeadline } from '../trpc';
import { DeadlineBadge, DueDate } from './DueDate';
import { ListTable } from '../components/ListTable';

export function DocumentDeadlines(props: { documents: DocumentDeadline[] }) {
  return (
    <section class="board-section" data-testid="deadline-documents">
      <h2>
        {t('deadline.documents')} <span class="muted small">{props.documents.length}</span>
      </h2>
      <p class="muted small section-hint">{t('deadline.documentsHint')}</p>
      <Show when={props.documents.length > 0} fallback={<p class="empty empty-small">{t('deadline.sectionEmpty')}</p>}>
        <ListTable
          class="board-table"
          columns={[t('col.title'), t('col.department'), t('col.drafter'), t('col.category'), t('col.rule'), t('col.step'), t('col.dueDate'), t('col.state')]}
          rows={props.documents}
        >
          {(doc) => (
            <tr data-testid="deadline-document-row" class={`row-${doc.state}`}>
              <td class="cell-title">
                <DocumentTitleLink documentId={doc.documentId} title={doc.title} canView={doc.canView} />
              </td>
              <td data-label={t('col.department')} class="nowrap">{doc.departmentName}</td>
              <td data-label={t('col.drafter')} class="nowrap">{doc.drafterName}</td>
              <td data-label={t('col.category')} class="nowrap">{doc.categoryName}</td>
              <td data-label={t('col.rule')}>{doc.ruleLabel}</td>
              <td data-label={t('col.step')} class="nowrap">
                <span class="step-label">{localized(doc.stepLabel)}</span>
              </td>
              <td data-label={t('col.dueDate')} class="nowrap">
                <DueDate date={doc.dueDate} provisional={doc.provisional} />
              </td>
              <td data-label={t('col.state')}>
                <DeadlineBadge state={doc.state} />
              </td>
            </tr>
          )}
        </ListTable>
      </Show>
    </section>
  );
}
