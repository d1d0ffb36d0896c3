/**
 * Search, sort and one page of a list the server sends whole (an inbox holds at most a few
 * hundred rows): pure, so the same rules are unit-tested and used by every such page.
 */

export const CLIENT_PAGE_SIZE = 20;

export interface ListViewConfig<T, S extends string> {
  /** The texts a search looks in. */
  searchable: (item: T) => (string | null | undefined)[];
  sorts: Record<S, (a: T, b: T) => number>;
  defaultSort: S;
}

export function listView<T, S extends string>(items: readonly T[], state: { q: string; sort: string; page: number }, config: ListViewConfig<T, S>) {
  const sortKey = (state.sort in config.sorts ? state.sort : config.defaultSort) as S;
  const found = items.filter((item) => matchesSearch(state.q, ...config.searchable(item)));
  const sorted = [...found].sort(config.sorts[sortKey]);
  const pageCount = Math.max(1, Math.ceil(sorted.length / CLIENT_PAGE_SIZE));
  const page = Math.min(Math.max(1, state.page), pageCount);
  return { items: sorted.slice((page - 1) * CLIENT_PAGE_SIZE, page * CLIENT_PAGE_SIZE), total: sorted.length, page, pageCount, sort: sortKey };
}

/** Comparators for the usual columns; nulls (no due date) go last. */
export const by = {
  newest: <T>(at: (t: T) => number) => (a: T, b: T) => at(b) - at(a),
  oldest: <T>(at: (t: T) => number) => (a: T, b: T) => at(a) - at(b),
  text: <T>(of: (t: T) => string) => (a: T, b: T) => of(a).localeCompare(of(b), 'zh-CN'),
  date: <T>(of: (t: T) => string | null) => (a: T, b: T) => {
    const [x, y] = [of(a), of(b)];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  },
};

/** Case-insensitive match of every space-separated word against any of the texts. */
export function matchesSearch(query: string, ...texts: (string | null | undefined)[]): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}
