/**
 * 通知 in the header with the number of unread messages. Reloaded after notifications are
 * marked read, once a minute, so a reminder raised by the server's scheduler shows up on a
 * page left open, on every visit to 通知, and on other navigations once it is 30 s old
 * (header-count-refresh.ts).
 */
import { createResource, createSignal, onCleanup, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { useSession } from '../session/SessionProvider';
import { navigationRefresh } from '../session/header-count-refresh';

const POLL_MS = 60_000;

export function NotificationLink() {
  const session = useSession();
  const navigated = navigationRefresh('/notifications');
  const [tick, setTick] = createSignal(0);
  const timer = setInterval(() => setTick((n) => n + 1), POLL_MS);
  onCleanup(() => clearInterval(timer));
  const [list] = createResource(
    () => (session.user() ? `${navigated()}#${session.notificationsVersion()}#${tick()}` : false),
    // A failed count is not worth an error message; the notifications page reports its own failures.
    () => trpc.notifications.unreadCount.query().catch(() => 0),
  );
  const unread = () => (list.error ? 0 : (list.latest ?? 0));
  return (
    <A href="/notifications" class="notif-link" data-testid="notifications-link">
      {t('nav.notifications')}
      <Show when={unread() > 0}>
        <span class="count" data-testid="notification-count" aria-label={t('notification.countLabel', { n: unread() })}>
          {unread() > 99 ? '99+' : unread()}
        </span>
      </Show>
    </A>
  );
}
