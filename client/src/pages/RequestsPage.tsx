/**
 * /requests — 依申请公开登记: every request with its status and next deadline, filtered by
 * scope, deadline state and text (kept in the address), and the registration of letters and
 * in-person requests. The server decides who may see it (the disclosure office, admins, leaders).
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { trpc } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { useSession } from '../session/SessionProvider';
import { DeadlineBadge } from '../deadlines/DueDate';
import { RegisterRequestForm } from '../requests/RegisterRequestForm';
import { applicantTypeLabel, channelLabel, resultLabel, statusLabel } from '../requests/request-labels';
import { Pager } from '../lists/Pager';
import { by, listView } from '../lists/list-view';
import type { RouterOutputs } from '../trpc';
import { ListTable } from '../components/ListTable';

type RequestRow = RouterOutputs['requests']['list']['items'][number];
/** The server searches and filters; the page sorts and pages what it sent, by the URL's sort and page. */
const byReceived = by.date<RequestRow>((r) => r.receivedAt);
const REQUEST_VIEW = {
  searchable: () => [],
  sorts: {
    due: by.date<RequestRow>((r) => r.next?.due ?? null),
    newest: (a: RequestRow, b: RequestRow) => byReceived(b, a),
    oldest: byReceived,
  },
  defaultSort: 'due' as const,
};

type Scope = 'open' | 'closed' | 'all';

export function RequestsPage() {
  usePageTitle(() => t('requests.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams<{ scope?: string; due?: string; q?: string; sort?: string; page?: string }>();
  const filter = () => ({
    scope: (['open', 'closed', 'all'].includes(params.scope ?? '') ? params.scope : 'open') as Scope,
    dueState: params.due === 'overdue' || params.due === 'due_soon' ? (params.due as 'overdue' | 'due_soon') : undefined,
    q: params.q || undefined,
  });
  const [list, { refetch }] = createResource(filter, (f) => trpc.requests.list.query(f));
  const [registering, setRegistering] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const canRegister = () => session.user()?.roles.some((r) => r === 'publisher' || r === 'admin') ?? false;
  let search!: HTMLInputElement;
  return (
    <section class="requests-page">
      <div class="page-head">
        <div>
          <h1>{t('requests.title')}</h1>
          <p class="muted small page-sub">{t('requests.intro')}</p>
        </div>
        <Show when={canRegister() && !registering()}>
          <button type="button" class="button button-primary" data-testid="register-open" onClick={() => setRegistering(true)}>
            {t('requests.register')}
          </button>
        </Show>
      </div>
      <Show when={message()}>
        <p class="notice notice-success" role="status" data-testid="register-message">{message()}</p>
      </Show>
      <Show when={registering()}>
        <RegisterRequestForm
          onCancel={() => setRegistering(false)}
          onDone={(text) => {
            setRegistering(false);
            setMessage(text);
            void refetch();
          }}
        />
      </Show>
      <form class="inline-form request-filter" onSubmit={(e) => { e.preventDefault(); setParams({ q: search.value || undefined, page: undefined }); }}>
        <label class="inline-field">
          <span>{t('requests.col.status')}</span>
          <select value={filter().scope} onChange={(e) => setParams({ scope: e.currentTarget.value, page: undefined })} data-testid="request-scope">
            <For each={['open', 'closed', 'all'] as const}>{(s) => <option value={s}>{t(`requests.scope.${s}`)}</option>}</For>
          </select>
        </label>
        <label class="inline-field">
          <span>{t('requests.dueFilter')}</span>
          <select value={params.due ?? ''} onChange={(e) => setParams({ due: e.currentTarget.value || undefined, page: undefined })}>
            <option value="">{t('requests.dueFilter.any')}</option>
            <option value="due_soon">{tKnown('deadline.state', 'due_soon')}</option>
            <option value="overdue">{tKnown('deadline.state', 'overdue')}</option>
          </select>
        </label>
        <input ref={search} type="search" value={params.q ?? ''} placeholder={t('requests.search')} aria-label={t('requests.search')} />
        <label class="inline-field">
          <span>{t('list.sort')}</span>
          <select value={params.sort && params.sort in REQUEST_VIEW.sorts ? params.sort : 'due'} onChange={(e) => setParams({ sort: e.currentTarget.value, page: undefined })} data-testid="request-sort">
            <For each={Object.keys(REQUEST_VIEW.sorts)}>{(s) => <option value={s}>{tKnown('list.sort', s)}</option>}</For>
          </select>
        </label>
        <button type="submit" class="button">{t('requests.filter')}</button>
      </form>
      <AsyncView resource={list} onRetry={refetch}>
        {(data) => {
          const view = () => listView(data().items, { q: '', sort: params.sort ?? '', page: Number(params.page ?? 1) || 1 }, REQUEST_VIEW);
          return (
          <Show when={data().items.length > 0} fallback={<p class="empty">{t('requests.empty')}</p>}>
            <ListTable
              testId="request-list"
              columns={[t('requests.col.no'), t('requests.col.summary'), t('requests.col.applicant'), t('requests.col.received'), t('requests.col.status'), t('requests.col.next')]}
              rows={view().items}
            >
              {(r) => (
                <tr data-testid="request-row" class={r.dueState ? `row-${r.dueState}` : ''}>
                  <td class="nowrap">
                    <A href={`/requests/${r.id}`}>{r.requestNo}</A>
                  </td>
                  <td class="cell-title">{r.summary}</td>
                  <td>
                    {r.organisationName || r.applicantName}
                    <span class="muted small"> · {applicantTypeLabel(r.applicantType)} · {channelLabel(r.channel)}</span>
                  </td>
                  <td class="nowrap">{formatIsoDate(r.receivedAt)}</td>
                  <td>
                    <span class={`badge badge-request-${r.status}`}>{statusLabel(r.status, r.stepLabel)}</span>
                    <Show when={r.result}>
                      <span class="muted small"> {resultLabel(r.result)}</span>
                    </Show>
                  </td>
                  <td class="nowrap">
                    <Show when={r.next} fallback={<span class="muted">{r.closedAt ? formatIsoDate(r.closedAt) : '—'}</span>}>
                      {(next) => (
                        <>
                          <span class="muted small">{tKnown('requests.deadline', next().kind)}</span> {formatIsoDate(next().due)}{' '}
                          <Show when={r.dueState && r.dueState !== 'on_time'}>
                            <DeadlineBadge state={r.dueState!} />
                          </Show>
                        </>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </ListTable>
            <Pager page={view().page} pageCount={view().pageCount} total={view().total} onPage={(page) => setParams({ page: page > 1 ? String(page) : undefined })} />
          </Show>
          );
        }}
      </AsyncView>
    </section>
  );
}

