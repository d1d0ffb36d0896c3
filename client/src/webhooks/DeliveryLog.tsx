/** 推送记录: the newest deliveries, their state and last error, and a retry for the ones that did not arrive. */
import { Show } from 'solid-js';
import { t, tKnown } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import type { WebhookDelivery } from '../trpc';
import { ListTable } from '../components/ListTable';

export function DeliveryLog(props: { deliveries: WebhookDelivery[]; busy: boolean; onRetry: (id: string) => void }) {
  return (
    <section class="card">
      <h2>{t('webhooks.log')}</h2>
      <Show when={props.deliveries.length > 0} fallback={<p class="empty">{t('webhooks.logEmpty')}</p>}>
        <ListTable
          testId="webhook-log"
          columns={[t('webhooks.when'), t('webhooks.receiver'), t('webhooks.event'), t('webhooks.document'), t('webhooks.state'), t('webhooks.attempts')]}
          actions
          rows={props.deliveries}
        >
          {(d) => (
            <tr data-status={d.status}>
              <td>{formatDateTime(d.occurredAt)}</td>
              <td>{d.endpointName}</td>
              <td>{tKnown('webhooks.event', d.event)}</td>
              <td>
                {d.title}
                <Show when={d.indexNumber}>
                  <div class="muted">{d.indexNumber}</div>
                </Show>
              </td>
              <td>
                <span class={`badge badge-${d.status}`}>{tKnown('webhooks.status', d.status)}</span>
                <Show when={d.lastError}>
                  <div class="muted">{d.lastError}</div>
                </Show>
                <Show when={d.status === 'pending' && d.attempts > 0}>
                  <div class="muted">{t('webhooks.nextAttempt', { at: formatDateTime(d.nextAttemptAt) })}</div>
                </Show>
              </td>
              <td>{d.attempts}</td>
              <td>
                <Show when={d.status !== 'delivered'}>
                  <button type="button" class="button button-small" data-testid="webhook-retry" disabled={props.busy} onClick={() => props.onRetry(d.id)}>
                    {t('webhooks.retry')}
                  </button>
                </Show>
              </td>
            </tr>
          )}
        </ListTable>
      </Show>
    </section>
  );
}
