/**
 * A list the server sends whole and the user searches, sorts and pages in the browser, with
 * that state in the URL: the toolbar, the current page of items (or 无匹配结果 when a search
 * finds nothing) and the pager. The caller renders the items, usually as a ListTable.
 */
import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { ListToolbar } from './ListToolbar';
import { Pager } from './Pager';
import { useUrlListState } from './url-list-state';
import { listView, type ListViewConfig } from './list-view';

export function SearchableList<T, S extends string>(props: {
  items: readonly T[];
  config: ListViewConfig<T, S>;
  testId: string;
  /** Renders the current page; built once, the accessor follows the search, sort and page. */
  children: (items: () => T[]) => JSX.Element;
}) {
  const list = useUrlListState<'q' | 'sort'>();
  const view = () => listView(props.items, { q: list.get('q'), sort: list.get('sort'), page: list.page() }, props.config);
  return (
    <>
      <ListToolbar testId={props.testId} q={list.get('q')} sort={view().sort} sorts={Object.keys(props.config.sorts)} onSearch={(q) => list.set({ q })} onSort={(sort) => list.set({ sort })} />
      <Show when={view().total > 0} fallback={<p class="empty">{t('list.noMatch')}</p>}>
        {props.children(() => view().items)}
      </Show>
      <Pager page={view().page} pageCount={view().pageCount} total={view().total} onPage={list.setPage} />
    </>
  );
}
