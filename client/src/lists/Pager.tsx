/** 上一页 / 第 n 页，共 m 页 / 下一页, for any list whose page lives in the URL. */
import { Show } from 'solid-js';
import { t } from '../i18n/i18n';

/** `capped`: more rows match than were counted (the audit log counts up to a cap); the total reads "more than". */
export function Pager(props: { page: number; pageCount: number; total: number; capped?: boolean; onPage: (page: number) => void }) {
  return (
    <Show when={props.pageCount > 1}>
      <nav class="pager" aria-label={t('list.pages')} data-testid="pager">
        <button type="button" class="button button-small" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
          {t('list.previous')}
        </button>
        <span class="muted" data-testid="pager-status">
          {t(props.capped ? 'list.pageOfMore' : 'list.pageOf', { page: props.page, pages: props.pageCount, total: props.total })}
        </span>
        <button type="button" class="button button-small" data-testid="pager-next" disabled={props.page >= props.pageCount} onClick={() => props.onPage(props.page + 1)}>
          {t('list.next')}
        </button>
      </nav>
    </Show>
  );
}
