/**
 * A list's search, filters, sort and page kept in the URL's query string, so a view can be
 * bookmarked, reloaded or sent on as it is. Changing anything but the page goes back to page 1.
 */
import { useSearchParams } from '@solidjs/router';

export function useUrlListState<K extends string>() {
  const [params, setParams] = useSearchParams<Partial<Record<K | 'page', string>>>();
  const get = (key: K): string => (params[key] as string | undefined) ?? '';
  const page = (): number => {
    const n = Number(params.page ?? 1);
    return Number.isInteger(n) && n > 0 ? n : 1;
  };
  const set = (changes: Partial<Record<K, string>>) => {
    const next: Record<string, string | undefined> = { page: undefined };
    for (const [key, value] of Object.entries(changes)) next[key] = value ? String(value) : undefined;
    setParams(next);
  };
  const setPage = (n: number) => setParams({ page: n > 1 ? String(n) : undefined } as never);
  return { get, set, page, setPage };
}

