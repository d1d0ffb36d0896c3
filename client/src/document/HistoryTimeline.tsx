/** The full audit trail of the document: who did what, when, from which step to which. */
import { For, Show } from 'solid-js';
import { t, tKnown } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import type { DocumentView } from '../trpc';

type HistoryEntry = DocumentView['history'][number];

/** The free text an entry carries: a review opinion, a withdrawal reason, a file name. */
function noteOf(entry: HistoryEntry): string {
  const detail = entry.detail as Record<string, unknown> | null;
  if (!detail) return '';
  if (typeof detail.opinion === 'string' && detail.opinion) return detail.opinion;
  if (entry.action === 'attachment.added' && typeof detail.name === 'string') return detail.name;
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
                  <strong class="timeline-action">{tKnown('history', entry.action)}</strong>
                  <span>{entry.actorName ?? t('history.system')}</span>
                  <time class="muted small">{formatDateTime(entry.at)}</time>
                </div>
                <Show when={entry.fromLabel !== entry.toLabel && (entry.fromLabel || entry.toLabel)}>
                  <div class="timeline-steps small">
                    <Show when={entry.fromLabel}>
                      <span>{entry.fromLabel}</span> →{' '}
                    </Show>
                    <span>{entry.toLabel}</span>
                  </div>
                </Show>
                <Show when={noteOf(entry)}>
                  <p class="timeline-note">{noteOf(entry)}</p>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
