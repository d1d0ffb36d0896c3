/**
 * When a count in the header (我的待办, 通知) is asked for again as the user moves between pages.
 *
 * It used to be asked on every navigation, so every page cost the server the counts besides
 * itself: a reviewer opening a document paid for the document and for a whole inbox, only to
 * show a number that had not changed. A navigation now asks again when the count is older than
 * HEADER_COUNT_STALE_MS, or when it leads to the page listing the same things, so the number
 * never disagrees with the list under it (on 我的待办 the request is then shared with the page's
 * own: shared-queries-link.ts). The user's own actions still refresh a count at once
 * (SessionProvider's versions), and 通知 is still polled every minute.
 */
import { createMemo, type Accessor } from 'solid-js';
import { useLocation } from '@solidjs/router';
import { appUrl } from '../mount';

/** How old a header count may be before a navigation asks for it again. */
export const HEADER_COUNT_STALE_MS = 30_000;

/**
 * A key for a header count's resource: it changes on a navigation to `listPage` (an app path,
 * e.g. '/'), and on any other navigation once the last change is HEADER_COUNT_STALE_MS old.
 */
export function navigationRefresh(listPage: string): Accessor<number> {
  const location = useLocation();
  // With the app mounted under a base path, its root may be written with or without the slash.
  const listPaths = new Set([appUrl(listPage), appUrl(listPage).replace(/(.)\/$/, '$1')]);
  let changedAt = Date.now();
  let key = 0;
  return createMemo(() => {
    const path = location.pathname;
    const now = Date.now();
    if (listPaths.has(path) || now - changedAt >= HEADER_COUNT_STALE_MS) {
      changedAt = now;
      key += 1;
    }
    return key;
  });
}
