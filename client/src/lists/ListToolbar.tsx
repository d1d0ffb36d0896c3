/** The search box and sort choice above a list; both write to the URL through the caller. */
import { For } from 'solid-js';
import { t, tKnown } from '../i18n/i18n';

export function ListToolbar(props: { q: string; sort: string; sorts: readonly string[]; onSearch: (q: string) => void; onSort: (sort: string) => void; testId: string }) {
  return (
    <form class="list-toolbar" role="search" data-testid={props.testId} onSubmit={(e) => e.preventDefault()}>
      <label>
        <span class="visually-hidden">{t('list.search')}</span>
        <input type="search" placeholder={t('list.search')} value={props.q} data-testid={`${props.testId}-q`} onChange={(e) => props.onSearch(e.currentTarget.value.trim())} />
      </label>
      <label>
        {t('list.sort')}
        <select data-testid={`${props.testId}-sort`} onChange={(e) => props.onSort(e.currentTarget.value)}>
          <For each={props.sorts}>
            {(s) => (
              <option value={s} selected={props.sort === s}>
                {tKnown('list.sort', s)}
              </option>
            )}
          </For>
        </select>
      </label>
    </form>
  );
}
