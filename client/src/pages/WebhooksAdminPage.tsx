/**
 * /admin/webhooks — 推送接收方: the portal and other systems told when the catalog changes,
 * switched on or off, and the delivery log with manual retry. Admins only (the server
 * refuses everyone else).
 */
import { createResource, Show } from 'solid-js';
import { trpc } from '../trpc';
import { localized, t, tKnown } from '../i18n/i18n';
import { createAdminAction } from '../admin/create-admin-action';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { EndpointForm } from '../webhooks/EndpointForm';
import { DeliveryLog } from '../webhooks/DeliveryLog';
import { ListTable } from '../components/ListTable';

export function WebhooksAdminPage() {
  usePageTitle(() => t('webhooks.title'));
  const [data, { refetch }] = createResource(async () => {
    const [endpoints, deliveries] = await Promise.all([trpc.webhooks.list.query(), trpc.webhooks.deliveries.query({ limit: 100 })]);
    return { endpoints, deliveries };
  });
  const { busy, error, act } = createAdminAction(refetch);
  return (
    <section class="webhooks-admin">
      <h1>{t('webhooks.title')}</h1>
      <p class="page-intro">{t('webhooks.intro')}</p>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">{error()}</p>
      </Show>
      <AsyncView resource={data} onRetry={refetch}>
        {(d) => (
          <>
            <section class="card">
              <h2>{t('webhooks.receivers')}</h2>
              <Show when={d().endpoints.length > 0} fallback={<p class="empty">{t('webhooks.none')}</p>}>
                <ListTable
                  testId="webhook-endpoints"
                  columns={[t('webhooks.name'), t('webhooks.url'), t('webhooks.channel'), t('webhooks.events'), t('webhooks.queue')]}
                  actions
                  rows={d().endpoints}
                >
                  {(e) => (
                    <tr>
                      <td>{e.name}</td>
                      <td class="break">{e.url}</td>
                      <td>{localized(e.channelLabel)}</td>
                      <td>{e.events.map((ev) => tKnown('webhooks.event', ev)).join('、')}</td>
                      <td>{t('webhooks.queueCounts', { pending: e.pending, failed: e.failed })}</td>
                      <td>
                        <button type="button" class="button button-small" disabled={busy()} onClick={() => act(() => trpc.webhooks.setActive.mutate({ id: e.id, active: !e.active }))}>
                          {e.active ? t('webhooks.disable') : t('webhooks.enable')}
                        </button>
                        <Show when={!e.active}>
                          <div class="muted">{t('webhooks.disabled')}</div>
                        </Show>
                      </td>
                    </tr>
                  )}
                </ListTable>
              </Show>
            </section>
            <EndpointForm onCreated={() => void refetch()} />
            <DeliveryLog deliveries={d().deliveries} busy={busy()} onRetry={(id) => act(() => trpc.webhooks.retry.mutate({ id }))} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
