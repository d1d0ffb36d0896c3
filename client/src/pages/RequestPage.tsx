/**
 * /requests/:id — one information request: the applicant and what they asked, its deadlines
 * (reply clock with pauses and extension), the history, the handling steps open today, the
 * reply letter, released documents, appeals, and a hint when the same information keeps
 * being asked for (publish it proactively).
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { trpc } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { formatIsoDate } from '../i18n/format';
import { errorMessage } from '../errors';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { useSession } from '../session/SessionProvider';
import { DeadlineBadge } from '../deadlines/DueDate';
import { RequestActionPanel } from '../requests/RequestActionPanel';
import { ReplyLetterEditor } from '../requests/ReplyLetterEditor';
import { RequestTimeline } from '../requests/RequestTimeline';
import { AppealsPanel } from '../requests/AppealsPanel';
import { applicantTypeLabel, channelLabel, deliveryFormLabel, resultLabel, statusLabel, subReasonLabel } from '../requests/request-labels';

export function RequestPage() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const [data, { refetch }] = createResource(() => params.id, (id) => trpc.requests.get.query({ id }));
  usePageTitle(() => data.latest?.request.requestNo ?? t('requests.title'));
  const handler = () => session.user()?.roles.some((r) => r === 'publisher' || r === 'admin') ?? false;
  const [documentId, setDocumentId] = createSignal('');
  const [linkError, setLinkError] = createSignal<string | null>(null);
  const link = async () => {
    setLinkError(null);
    try {
      await trpc.requests.linkDocument.mutate({ requestId: params.id, documentId: documentId().trim() });
      setDocumentId('');
      await refetch();
    } catch (err) {
      setLinkError(errorMessage(err));
    }
  };
  return (
    <section class="request-page">
      <p class="small">
        <A href="/requests">← {t('requests.back')}</A>
      </p>
      <AsyncView resource={data} onRetry={refetch}>
        {(d) => {
          const r = () => d().request;
          return (
            <>
              <div class="page-head">
                <div>
                  <h1 data-testid="request-no">{r().requestNo}</h1>
                  <p class="muted small page-sub">
                    <span class={`badge badge-request-${r().status}`} data-testid="request-status">{statusLabel(r().status, d().flow.stepLabel)}</span>
                    <Show when={r().result}>
                      {' '}
                      <strong data-testid="request-result">{resultLabel(r().result)}</strong>
                      <Show when={r().subReason}> · {subReasonLabel(r().subReason)}</Show>
                    </Show>
                    {/* Which version of the request flow this request follows (it keeps it until closed). */}
                    <span data-testid="request-flow-version"> · {t('requests.flowVersion', { v: d().flow.version })}</span>
                  </p>
                </div>
              </div>
              <Show when={d().suggestProactive}>
                <div class="notice notice-warning" data-testid="request-suggest">
                  <p>{t('requests.suggest', { n: d().similar.length + 1 })}</p>
                  <p class="small">
                    {t('requests.similar')}：
                    <For each={d().similar}>
                      {(s, i) => (
                        <>
                          {i() > 0 ? '、' : ''}
                          <A href={`/requests/${s.id}`}>{s.requestNo}</A>
                        </>
                      )}
                    </For>
                  </p>
                </div>
              </Show>
              <div class="doc-layout">
                <div class="doc-main">
                  <section class="card">
                    <h2>{t('requests.content')}</h2>
                    <p class="pre" data-testid="request-description">{r().description}</p>
                    <Show when={r().purpose}>
                      <p class="muted small">{t('requests.field.purpose')}：{r().purpose}</p>
                    </Show>
                    <p class="muted small">
                      {t('requests.field.deliveryForm')}：{deliveryFormLabel(r().deliveryForm)} · {t('requests.field.channel')}：{channelLabel(r().channel)} · {t('requests.col.received')}：{formatIsoDate(r().receivedAt)}
                    </p>
                  </section>
                  <RequestActionPanel requestId={r().id} version={r().version} actions={d().actions} user={session.user()!} onDone={async () => refetch()} />
                  <Show when={d().letter}>
                    {(letter) => <ReplyLetterEditor requestId={r().id} version={r().version} letter={letter()} canEdit={handler()} onSaved={async () => refetch()} />}
                  </Show>
                  <RequestTimeline events={d().events} />
                </div>
                <aside class="doc-side">
                  <section class="card" data-testid="request-deadlines">
                    <h2>{t('requests.deadlines')}</h2>
                    <Show when={d().next}>
                      {(next) => (
                        <p>
                          {tKnown('requests.deadline', next().kind)}：<strong data-testid="request-next-due">{formatIsoDate(next().due)}</strong>{' '}
                          <Show when={next().state !== 'on_time'}>
                            <DeadlineBadge state={next().state} />
                          </Show>
                        </p>
                      )}
                    </Show>
                    <Show when={d().deadlines.reply.due && !r().closedAt}>
                      <p class="small" data-testid="request-reply-clock">
                        {t('requests.replyClock', {
                          due: formatIsoDate(d().deadlines.reply.due),
                          start: formatIsoDate(d().deadlines.reply.startedOn),
                          paused: d().deadlines.reply.daysPaused,
                          extended: d().deadlines.reply.extendedBy,
                        })}
                      </p>
                      <Show when={d().deadlines.reply.paused}>
                        <p class="small muted">{t('requests.paused')}</p>
                      </Show>
                    </Show>
                    <Show when={r().closedAt}>
                      <p data-testid="request-closed-on">{t('requests.closedOn', { date: formatIsoDate(r().closedAt) })}</p>
                      <Show when={r().repliedAt}>
                        <p class="small">{t('requests.repliedOn', { date: formatIsoDate(r().repliedAt) })}</p>
                      </Show>
                    </Show>
                    <Show when={d().extension}>
                      {(ext) => <p class="small">{t('requests.extension', { days: ext().days, state: ext().approvedBy ? t('requests.extensionApproved') : t('requests.extensionPending') })}</p>}
                    </Show>
                  </section>
                  <section class="card" data-testid="request-applicant">
                    <h2>{t('requests.applicant')}</h2>
                    <dl class="meta">
                      <dt>{t('requests.field.applicantType')}</dt>
                      <dd>{applicantTypeLabel(r().applicantType)}</dd>
                      <Show when={r().organisationName}>
                        <dt>{t('requests.field.organisationName')}</dt>
                        <dd>{r().organisationName}</dd>
                      </Show>
                      <dt>{t('requests.field.applicantName')}</dt>
                      <dd>{r().applicantName}</dd>
                      <dt>{t('requests.field.applicantIdNumber')}</dt>
                      <dd class="mono">{r().applicantIdNumber}</dd>
                      <dt>{t('requests.field.contactPhone')}</dt>
                      <dd>{r().contactPhone}</dd>
                      <Show when={r().email}>
                        <dt>{t('requests.field.email')}</dt>
                        <dd>{r().email}</dd>
                      </Show>
                      <Show when={r().address}>
                        <dt>{t('requests.field.address')}</dt>
                        <dd>{r().address}</dd>
                      </Show>
                    </dl>
                  </section>
                  <section class="card" data-testid="request-released">
                    <h2>{t('requests.released')}</h2>
                    <Show when={d().released.length > 0} fallback={<p class="muted small">{t('requests.releasedNone')}</p>}>
                      <ul>
                        <For each={d().released}>{(doc) => <li><A href={`/documents/${doc.documentId}`}>{doc.title}</A> <span class="muted small">{doc.indexNumber}</span></li>}</For>
                      </ul>
                    </Show>
                    <Show when={handler()}>
                      <Show when={linkError()}>
                        <p class="notice notice-error" role="alert">{linkError()}</p>
                      </Show>
                      <div class="inline-form">
                        <input value={documentId()} onInput={(e) => setDocumentId(e.currentTarget.value)} placeholder={t('requests.documentId')} aria-label={t('requests.documentId')} />
                        <button type="button" class="button button-small" onClick={link}>{t('requests.linkDocument')}</button>
                      </div>
                    </Show>
                  </section>
                  <AppealsPanel requestId={r().id} appeals={d().appeals} canEdit={handler()} onDone={async () => refetch()} />
                </aside>
              </div>
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
