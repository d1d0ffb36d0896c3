/**
 * /channel-proofs — 线下发布凭证 for the year-end inspection (年度检查): every proof of a year
 * (by the day the document went out on the notice board, radio/TV or in print), newest first,
 * with the catalog item it proves. Year and channel are kept in the address.
 */
import { createResource, For, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { trpc } from '../trpc';
import { t, localized } from '../i18n/i18n';
import { formatIsoDate, formatSize } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { appUrl } from '../mount';
import { cstToday, proofUrl } from '../channel-proofs/proof-upload';
import { ListTable } from '../components/ListTable';

export function ChannelProofsPage() {
  usePageTitle(() => t('proofs.pageTitle'));
  const [params, setParams] = useSearchParams<{ year?: string; channel?: string }>();
  const thisYear = Number(cstToday().slice(0, 4));
  const year = () => {
    const y = Number(params.year);
    return Number.isInteger(y) && y >= 2008 && y <= thisYear ? y : thisYear;
  };
  const [data, { refetch }] = createResource(
    () => ({ year: year(), channel: params.channel || undefined }),
    (filter) => trpc.channelProofs.forYear.query(filter),
  );
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  return (
    <section>
      <div class="page-head">
        <div>
          <h1>{t('proofs.pageTitle')}</h1>
          <p class="muted small page-sub">{t('proofs.pageIntro')}</p>
        </div>
        <div class="inline-fields">
          <label class="inline-field">
            <span>{t('proofs.year')}</span>
            <select data-testid="proofs-year" onChange={(e) => setParams({ year: e.currentTarget.value })}>
              <For each={years}>{(y) => <option value={y} selected={y === year()}>{y}</option>}</For>
            </select>
          </label>
          <Show when={data.latest}>
            {(d) => (
              <label class="inline-field">
                <span>{t('proofs.channel')}</span>
                <select data-testid="proofs-channel" onChange={(e) => setParams({ channel: e.currentTarget.value || undefined })}>
                  <option value="">{t('proofs.allChannels')}</option>
                  {/* The admins' names and order; a disabled channel stays, its earlier proofs are still inspected. */}
                  <For each={d().channels}>
                    {(c) => (
                      <option value={c.key} selected={c.key === params.channel}>
                        {c.enabled ? localized(c.label) : t('channels.disabledOption', { label: localized(c.label) })}
                      </option>
                    )}
                  </For>
                </select>
              </label>
            )}
          </Show>
        </div>
      </div>
      <AsyncView resource={data} onRetry={refetch}>
        {(d) => {
          const channelName = (key: string) => localized(d().channels.find((c) => c.key === key)?.label) || key;
          return (
            <Show when={d().proofs.length > 0} fallback={<p class="empty" data-testid="proofs-empty">{t('proofs.empty')}</p>}>
              <p class="muted small" data-testid="proofs-count">{t('proofs.count', { n: d().proofs.length })}</p>
              <div class="table-scroll">
                <ListTable
                  testId="proofs-table"
                  columns={[t('proofs.col.date'), t('proofs.col.channel'), t('proofs.col.document'), t('proofs.col.file'), t('proofs.col.uploader'), t('proofs.col.note')]}
                  rows={d().proofs}
                >
                  {(p) => (
                    <tr data-testid="proof-row">
                      <td class="nowrap">{formatIsoDate(p.publishedOn)}</td>
                      <td class="nowrap">{channelName(p.channel)}</td>
                      <td class="cell-title">
                        <a href={appUrl(`/public/documents/${encodeURIComponent(p.indexNumber)}`)} rel="external">{p.title}</a>
                        <span class="muted small block">{p.indexNumber}</span>
                      </td>
                      <td>
                        <a href={proofUrl(p.id)} target="_blank" rel="noopener">{p.name}</a>
                        <span class="muted small block">{formatSize(p.size)}</span>
                      </td>
                      <td class="nowrap">{p.uploaderName}</td>
                      <td>{p.note}</td>
                    </tr>
                  )}
                </ListTable>
              </div>
            </Show>
          );
        }}
      </AsyncView>
    </section>
  );
}
