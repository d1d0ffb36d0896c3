/** The full audit trail of the document: who did what, when, from which step to which. */
import { For, Show } from 'solid-js';
import { localized, t, tKnown } from '../i18n/i18n';
import { FilledFormFields } from './FilledFormFields';
import { validityLabel } from '../i18n/labels';
import { auditActionText } from '../audit/audit-action-text';
import { formatDateTime } from '../i18n/format';
import type { DocumentView } from '../trpc';

type HistoryEntry = DocumentView['history'][number];

/**
 * The free text an entry carries: a review opinion, a withdrawal reason, a file name, the
 * masked personal data and why it was kept (the audit never holds the data itself).
 */
function detailOf(entry: HistoryEntry): Record<string, unknown> | null {
  // The audit log stores detail as JSON text; the server passes it on as stored.
  const raw: unknown = entry.detail;
  if (typeof raw !== 'string') return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function noteOf(entry: HistoryEntry): string {
  const detail = detailOf(entry);
  if (!detail) return '';
  if (entry.action.startsWith('validity.') && typeof detail.to === 'string') {
    // 有效 → 废止：the proposer's reason, or the reviewer's opinion when they gave one.
    const change = `${validityLabel(typeof detail.from === 'string' ? detail.from : '')} → ${validityLabel(detail.to)}`;
    const why = [detail.reason, detail.opinion].find((v): v is string => typeof v === 'string' && v.length > 0);
    return why ? `${change}：${why}` : change;
  }
  if (typeof detail.opinion === 'string' && detail.opinion) return detail.opinion;
  if (entry.action === 'attachment.added' && typeof detail.name === 'string') return detail.name;
  if (entry.action.startsWith('privacy.') && typeof detail.masked === 'string') {
    const kind = typeof detail.kind === 'string' ? `${tKnown('privacy', detail.kind)} ` : '';
    return typeof detail.note === 'string' && detail.note ? `${kind}${detail.masked}：${detail.note}` : `${kind}${detail.masked}`;
  }
  if (entry.action === 'redactions.revised' && typeof detail.count === 'number') return t('history.redactionCount', { n: detail.count });
  return '';
}

export function HistoryTimeline(props: { history: DocumentView['history'] }) {
  return (
    <section class="card">
      <h2>{t('doc.history')}</h2>
      <Show when={props.history.length > 0} fallback={<p class="muted">{t('doc.historyEmpty')}</p>}>
        <ol class="timeline" data-testid="history">
          <For each={[...props.history].reverse()}>
            {(entry) => (
              <li class={`timeline-item action-${entry.action.replace(/\W/g, '-')}`}>
                <div class="timeline-head">
                  <strong class="timeline-action">{auditActionText(entry.action)}</strong>
                  <span>{entry.actorName ?? t('history.system')}</span>
                  <time class="muted small">{formatDateTime(entry.at)}</time>
                </div>
                <Show when={entry.fromLabel !== entry.toLabel && (entry.fromLabel || entry.toLabel)}>
                  <div class="timeline-steps small">
                    <Show when={entry.fromStep}>
                      {(from) => (
                        <>
                          <span>{localized(from())}</span> →{' '}
                        </>
                      )}
                    </Show>
                    <span>{localized(entry.toStep ?? undefined)}</span>
                  </div>
                </Show>
                <Show when={noteOf(entry)}>
                  <p class="timeline-note">{noteOf(entry)}</p>
                </Show>
                {/* The opinion form the reviewer filled at this step, with the labels of the version filled. */}
                <Show when={entry.form}>
                  {(form) => (
                    <div class="timeline-form" data-testid="history-opinion-form">
                      <p class="muted small">{localized(form().title)}</p>
                      <FilledFormFields fields={form().fields} />
                    </div>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
