/**
 * /admin/audit — 审计日志: every change, newest first, with who, what, which document and the
 * chain hash; filtered by action, person, document, words and dates, all kept in the URL.
 * Actions read as words from the core's catalog (workflows/audit-actions.ts), the code still
 * beside them. A document's title opens its trail here (every row about it), not the document:
 * an administrator manages the system and may not read a document's content.
 */
import { createResource, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { trpc } from '../trpc';
import { localized, t, tKnown } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { Pager } from '../lists/Pager';
import { useUrlListState } from '../lists/url-list-state';
import { ListTable } from '../components/ListTable';
import { auditActionText, auditGroupText } from '../audit/audit-action-text';
import { groupAuditActions } from '../audit/audit-action-choices';
import { auditFacts } from '../audit/audit-facts';

type Key = 'action' | 'actor' | 'document' | 'q' | 'from' | 'to';

export function AuditLogPage() {
  usePageTitle(() => t('audit.title'));
  const list = useUrlListState<Key>();
  const query = () => ({
    action: list.get('action') || undefined,
    actorId: list.get('actor') || undefined,
    documentId: list.get('document') || undefined,
    q: list.get('q') || undefined,
    from: list.get('from') || undefined,
    to: list.get('to') || undefined,
    page: list.page(),
  });
  const [log, { refetch }] = createResource(query, (q) => trpc.audit.list.query(q));
  const choices = () => groupAuditActions(log.latest?.actions ?? []);
  type Row = NonNullable<typeof log.latest>['items'][number];
  // A document's states are steps (named by the server); a request's are its flow's statuses.
  const stateText = (row: Row, state: string | null, label: { zh: string; en: string } | null) => {
    if (!state) return '—';
    if (label) return localized(label);
    return row.action.startsWith('request.') ? tKnown('requests.status', state) : state;
  };
  return (
    <section class="audit-log">
      <h1>{t('audit.title')}</h1>
      <p class="page-intro">{t('audit.intro')}</p>
      <form class="filters dashboard-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('audit.search')}
          <input type="search" data-testid="audit-q" value={list.get('q')} onChange={(e) => list.set({ q: e.currentTarget.value.trim() })} />
        </label>
        <label>
          {t('audit.action')}
          <select data-testid="audit-action" onChange={(e) => list.set({ action: e.currentTarget.value })}>
            <option value="">{t('audit.allActions')}</option>
            <For each={choices()}>
              {(g) => (
                <optgroup label={auditGroupText(g.prefix)}>
                  <option value={g.prefix} selected={list.get('action') === g.prefix}>
                    {t('audit.group', { group: auditGroupText(g.prefix) })}
                  </option>
                  <For each={g.actions}>{(a) => <option value={a} selected={list.get('action') === a}>{auditActionText(a)}</option>}</For>
                </optgroup>
              )}
            </For>
          </select>
        </label>
        <label>
          {t('audit.actor')}
          <select data-testid="audit-actor" onChange={(e) => list.set({ actor: e.currentTarget.value })}>
            <option value="">{t('audit.everyone')}</option>
            <For each={log.latest?.actors ?? []}>{(u) => <option value={u.id} selected={list.get('actor') === u.id}>{u.name}</option>}</For>
          </select>
        </label>
        <label>
          {t('dashboard.from')}
          <input type="date" value={list.get('from')} onChange={(e) => list.set({ from: e.currentTarget.value })} />
        </label>
        <label>
          {t('dashboard.to')}
          <input type="date" value={list.get('to')} onChange={(e) => list.set({ to: e.currentTarget.value })} />
        </label>
      </form>
      <AsyncView resource={log} onRetry={refetch}>
        {(data) => (
          <>
            {/* Shown once the trail has loaded, so it never names the last list's document (or a bare id). */}
            <Show when={list.get('document') && !log.loading}>
              <p class="filter-chip" data-testid="audit-document-filter">
                {t('audit.onlyDocument', { title: data().document?.title ?? list.get('document') })}{' '}
                <button type="button" class="link-button" onClick={() => list.set({ document: '' })}>
                  {t('audit.allDocuments')}
                </button>
              </p>
            </Show>
            <Show when={data().items.length > 0} fallback={<p class="empty">{t('audit.none')}</p>}>
              <ListTable
                class="compact-table"
                testId="audit-table"
                columns={[t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.document'), t('audit.change'), t('audit.hash')]}
                rows={data().items}
              >
                {(row) => (
                  <tr data-testid="audit-row">
                    <td class="nowrap">{formatDateTime(row.at)}</td>
                    <td class="nowrap">{row.actorName ?? t('audit.system')}</td>
                    <td data-testid="audit-action-cell" title={t('audit.code', { code: row.action })}>
                      <span class="audit-action-label">{auditActionText(row.action)}</span>
                      <Show when={auditActionText(row.action) !== row.action}>
                        <code class="audit-action-code muted small">{row.action}</code>
                      </Show>
                    </td>
                    <td>
                      <Show when={row.documentId && row.title} fallback="—">
                        <button type="button" class="link-button" data-testid="audit-document-trail" title={t('audit.documentTrail')} onClick={() => list.set({ document: row.documentId ?? '', action: '', actor: '', q: '', from: '', to: '' })}>
                          {row.title}
                        </button>
                      </Show>
                    </td>
                    <td class="small">
                      <Show when={row.fromState || row.toState}>
                        <div>
                          {/* A first state (created, registered) or a change within one step reads as that one state. */}
                          <Show when={row.fromState && row.fromState !== row.toState} fallback={stateText(row, row.toState ?? row.fromState, row.toLabel ?? row.fromLabel)}>
                            {stateText(row, row.fromState, row.fromLabel)} → {stateText(row, row.toState, row.toLabel)}
                          </Show>
                        </div>
                      </Show>
                      <Show when={auditFacts(row).length > 0}>
                        <dl class="audit-facts" data-testid="audit-facts">
                          <For each={auditFacts(row)}>
                            {(f) => (
                              <div>
                                <dt>{f.label}</dt>
                                <dd>{f.href ? <A href={f.href}>{f.text}</A> : f.text}</dd>
                              </div>
                            )}
                          </For>
                        </dl>
                      </Show>
                      <Show when={row.detail}>
                        <details>
                          <summary>{t('audit.details')}</summary>
                          <pre class="audit-detail">{JSON.stringify(row.detail, null, 2)}</pre>
                        </details>
                      </Show>
                    </td>
                    <td>
                      <code class="muted">{row.hash}</code>
                    </td>
                  </tr>
                )}
              </ListTable>
            </Show>
            <Pager page={data().page} pageCount={data().pageCount} total={data().total} capped={data().totalCapped} onPage={list.setPage} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
