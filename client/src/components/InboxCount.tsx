/**
 * The number next to 我的待办: review tasks plus validity changes to decide. Reloaded after
 * every action, so a reviewer sees the count drop as soon as they approve something, on every
 * visit to 我的待办, and on other navigations once it is 30 s old (header-count-refresh.ts).
 */
import { createResource, Show } from 'solid-js';
import { trpc } from '../trpc';
import { useSession } from '../session/SessionProvider';
import { navigationRefresh } from '../session/header-count-refresh';

export function InboxCount() {
  const session = useSession();
  const navigated = navigationRefresh('/');
  const [tasks] = createResource(
    () => (session.user() ? `${navigated()}#${session.inboxVersion()}` : false),
    // A failed count is not worth an error message; the inbox page reports its own failures.
    // Validity changes to decide count too (an empty list for anyone but a legality reviewer);
    // the two queries go out in one batched request.
    () =>
      Promise.all([trpc.review.inbox.query(), trpc.validity.pending.query().catch(() => [])])
        .then(([inbox, validity]) => inbox.length + validity.length)
        .catch(() => null),
  );
  const count = () => (tasks.error ? 0 : (tasks.latest ?? 0));
  return (
    <Show when={count() > 0}>
      <span class="count" data-testid="inbox-count">
        {count()}
      </span>
    </Show>
  );
}
