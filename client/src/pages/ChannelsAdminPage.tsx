/**
 * /admin/channels — 发布渠道: the channels a document may list, with the names and order
 * drafters see, on or off for new documents, and new offline or webhook channels. Admins only
 * (the server refuses everyone else and audits every change).
 */
import { createResource, For, Show } from 'solid-js';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { createAdminAction } from '../admin/create-admin-action';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { ChannelRow } from '../channels/ChannelRow';
import { NewChannelForm } from '../channels/NewChannelForm';
import '../channels/channels.css';

export function ChannelsAdminPage() {
  usePageTitle(() => t('channels.title'));
  const [channels, { refetch }] = createResource(() => trpc.channels.settings.query());
  const { busy, error, act } = createAdminAction(refetch);
  const move = (keys: string[], index: number, step: -1 | 1) => {
    const next = [...keys];
    [next[index], next[index + step]] = [next[index + step]!, next[index]!];
    return act(() => trpc.channels.reorder.mutate({ keys: next }));
  };
  return (
    <section class="channels-admin">
      <h1>{t('channels.title')}</h1>
      <p class="page-intro">{t('channels.intro')}</p>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {error()}
        </p>
      </Show>
      <AsyncView resource={channels} onRetry={refetch}>
        {(list) => (
          <section class="card">
            <h2>{t('channels.list')}</h2>
            <div class="table-scroll">
              <table class="list-table channel-table" data-testid="channel-table">
                <thead>
                  <tr>
                    <th>{t('channels.order')}</th>
                    <th>{t('channels.channel')}</th>
                    <th>{t('channels.label')}</th>
                    <th>{t('channels.effect')}</th>
                    <th>{t('channels.status')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {/* Keyed by channel key: a reload after an action keeps each row (and what is typed in it). */}
                  <For each={list().map((c) => c.key)}>
                    {(key, index) => {
                      const channel = () => list().find((c) => c.key === key)!;
                      return (
                        <ChannelRow
                          channel={channel()}
                          first={index() === 0}
                          last={index() === list().length - 1}
                          busy={busy()}
                          onMove={(step) => void move(list().map((c) => c.key), index(), step)}
                          onToggle={() => void act(() => trpc.channels.setEnabled.mutate({ key, enabled: !channel().enabled }))}
                          onSaved={() => void refetch()}
                        />
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
            <NewChannelForm onAdded={() => void refetch()} />
          </section>
        )}
      </AsyncView>
    </section>
  );
}
