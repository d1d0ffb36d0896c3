/** 依申请公开 on the deadline board: open requests whose next limit is due soon or overdue. */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { DeadlineBoard } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { DeadlineBadge, DueDate } from '../deadlines/DueDate';
import { statusLabel } from './request-labels';
import { ListTable } from '../components/ListTable';

/**
 * The board's flagged requests, as the server sent them: only to those who may read requests
 * (the server sends none to anyone else), so the section is absent for them.
 */
export function RequestDeadlines(props: { requests: DeadlineBoard['requests']; show: boolean }) {
  const rows = () => (props.show ? props.requests : undefined);
  return (
    <Show when={rows()}>
      {(list) => (
        <section class="board-section" data-testid="deadline-requests">
          <h2>
            {t('deadline.requests')} <span class="muted small">{list().length}</span>
          </h2>
          <p class="muted small section-hint">{t('deadline.requestsHint')}</p>
          <Show when={list().length > 0} fallback={<p class="empty empty-small">{t('deadline.sectionEmpty')}</p>}>
            <ListTable
              class="board-table"
              columns={[t('requests.col.no'), t('requests.col.summary'), t('requests.col.status'), t('col.rule'), t('col.dueDate'), t('col.state')]}
              rows={list()}
            >
              {(r) => (
                <tr data-testid="deadline-request-row" class={`row-${r.state}`}>
                  <td class="nowrap"><A href={`/requests/${r.id}`}>{r.requestNo}</A></td>
                  <td class="cell-title">{r.summary}</td>
                  <td class="nowrap">{statusLabel(r.status, r.stepLabel)}</td>
                  <td>{tKnown('requests.deadline', r.kind)}</td>
                  <td class="nowrap"><DueDate date={r.due} provisional={r.provisional} /></td>
                  <td><DeadlineBadge state={r.state} /></td>
                </tr>
              )}
            </ListTable>
          </Show>
        </section>
      )}
    </Show>
  );
}
