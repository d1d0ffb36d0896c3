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

type Scope = 'open' | 'closed' | 'all';

export function RequestsPage() {
  usePageTitle(() => t('requests.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams<{ scope?: string; due?: string; q?: string }>();
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
      <form class="inline-form request-filter" onSubmit={(e) => { e.preventDefault(); setParams({ q: search.value || undefined }); }}>
        <label class="inline-field">
          <span>{t('requests.col.status')}</span>
          <select value={filter().scope} onChange={(e) => setParams({ scope: e.currentTarget.value })} data-testid="request-scope">
            <For each={['open', 'closed', 'all'] as const}>{(s) => <option value={s}>{t(`requests.scope.${s}`)}</option>}</For>
          </select>
        </label>
        <label class="inline-field">
          <span>{t('requests.dueFilter')}</span>
          <select value={params.due ?? ''} onChange={(e) => setParams({ due: e.currentTarget.value || undefined })}>
            <option value="">{t('requests.dueFilter.any')}</option>
            <option value="due_soon">{tKnown('deadline.state', 'due_soon')}</option>
            <option value="overdue">{tKnown('deadline.state', 'overdue')}</option>
          </select>
        </label>
        <input ref={search} type="search" value={params.q ?? ''} placeholder={t('requests.search')} aria-label={t('requests.search')} />
        <button type="submit" class="button">{t('requests.filter')}</button>
      </form>
      <AsyncView resource={list} onRetry={refetch}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="empty">{t('requests.empty')}</p>}>
            <table class="list-table" data-testid="request-list">
              <thead>
                <tr>
                  <th>{t('requests.col.no')}</th>
                  <th>{t('requests.col.summary')}</th>
                  <th>{t('requests.col.applicant')}</th>
                  <th>{t('requests.col.received')}</th>
                  <th>{t('requests.col.status')}</th>
                  <th>{t('requests.col.next')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={data().items}>
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
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </AsyncView>
    </section>
  );
}

