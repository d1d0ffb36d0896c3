/**
 * /notifications — 通知: new tasks, returns and reminders (临期、超期) for this user, in the
 * reader's language, newest first, the latest 50. Opening a document from here marks its message read.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { trpc, type NotificationItem } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { errorMessage, isUnauthorized } from '../errors';
import { useSession } from '../session/SessionProvider';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { MailSettings } from '../notifications/MailSettings';
import { notificationText } from '../notifications/notification-text';

export function NotificationsPage() {
  usePageTitle(() => t('notification.title'));
  const session = useSession();
  const [list, { refetch }] = createResource(() => trpc.notifications.list.query());
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  const markRead = async (id?: string) => {
    if (busy()) return;
    setBusy(true);
    setError('');
    try {
      await trpc.notifications.markRead.mutate(id ? { id } : {});
      session.notificationsChanged();
      await refetch();
    } catch (e) {
      if (isUnauthorized(e)) session.expired();
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="notifications">
      <AsyncView resource={list} onRetry={refetch}>
        {(data) => (
          <>
            <div class="page-head">
              <h1>
                {t('notification.title')}{' '}
                <span class="muted small">{data().unread > 0 ? t('notification.unreadCount', { n: data().unread }) : t('notification.allRead')}</span>
              </h1>
              <Show when={data().unread > 0}>
                <button type="button" class="button button-small" data-testid="mark-all-read" disabled={busy()} onClick={() => markRead()}>
                  {t('notification.markAll')}
                </button>
              </Show>
            </div>
            <Show when={error()}>
              <p class="notice notice-error" role="alert">
                {error()}
              </p>
            </Show>
            <Show when={data().items.length > 0} fallback={<p class="empty">{t('notification.empty')}</p>}>
              <ul class="notification-list">
                <For each={data().items}>{(item) => <NotificationRow item={item} busy={busy()} onRead={markRead} />}</For>
              </ul>
            </Show>
          </>
        )}
      </AsyncView>
      <MailSettings />
    </section>
  );
}

function NotificationRow(props: { item: NotificationItem; busy: boolean; onRead: (id: string) => unknown }) {
  const unread = () => props.item.readAt == null;
  return (
    <li class="notification" classList={{ 'notification-unread': unread() }} data-testid="notification-row" data-unread={unread() ? 'true' : 'false'}>
      <div class="notification-head">
        <span class={`badge badge-notice-${props.item.kind.replace(/\W/g, '-')}`}>{tKnown('notification.kind', props.item.kind)}</span>
        <time class="muted small">{formatDateTime(props.item.createdAt)}</time>
        <Show when={unread()}>
          <span class="unread-dot" aria-label={t('notification.unread')} />
        </Show>
      </div>
      <p class="notification-message">{notificationText(props.item)}</p>
      <div class="notification-actions">
        <Show when={props.item.documentId}>
          {(id) => (
            <A href={`/documents/${id()}`} onClick={() => unread() && props.onRead(props.item.id)}>
              {t('notification.openDocument')}
            </A>
          )}
        </Show>
        <Show when={unread()}>
          <button type="button" class="link-button" data-testid="mark-read" disabled={props.busy} onClick={() => props.onRead(props.item.id)}>
            {t('notification.markRead')}
          </button>
        </Show>
      </div>
    </li>
  );
}
