/**
 * Why a document came back: the latest 退回 opinion, shown to the drafter above the
 * document and above the edit form, so they need not look it up in the review records.
 */
import { Show } from 'solid-js';
import { localized, t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import type { DocumentView } from '../trpc';

export function ReturnNotice(props: { doc: DocumentView }) {
  const last = () => (props.doc.status === 'returned' ? [...props.doc.reviews].reverse().find((r) => r.decision === 'return') : undefined);
  return (
    <Show when={last()}>
      {(r) => (
        <div class="notice notice-warning return-notice" role="note" data-testid="return-notice">
          <strong>{t('return.title', { step: localized(r().stepName), name: r().reviewerName })}</strong>
          <span class="muted small">{formatDateTime(r().at)}</span>
          <p class="pre">{r().opinion}</p>
        </div>
      )}
    </Show>
  );
}
