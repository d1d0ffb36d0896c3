/** Every reviewer's decision with their five checks and opinion, round by round. */
import { For, Show } from 'solid-js';
import { FIVE_CHECKS, type FiveCheck } from '../../../forms/disclosure';
import { localized, t, tKnown } from '../i18n/i18n';
import { FilledFormFields } from './FilledFormFields';
import { formatDateTime } from '../i18n/format';
import { checkLabel } from '../i18n/labels';
import type { DocumentView } from '../trpc';
import { ListTable } from '../components/ListTable';

function ChecksCell(props: { checks: unknown }) {
  const checks = () => (props.checks && typeof props.checks === 'object' ? (props.checks as Partial<Record<FiveCheck, boolean>>) : null);
  return (
    <Show when={checks()} fallback={<span class="muted">—</span>}>
      {(c) => (
        <span class="check-list">
          <For each={FIVE_CHECKS}>
            {(key) => (
              <span classList={{ 'check-pass': c()[key] === true, 'check-open': c()[key] !== true }}>
                {c()[key] === true ? '✓' : '○'}
                {checkLabel(key)}
              </span>
            )}
          </For>
        </span>
      )}
    </Show>
  );
}

export function ReviewRecords(props: { reviews: DocumentView['reviews'] }) {
  return (
    <section class="card">
      <h2>{t('doc.reviews')}</h2>
      <Show when={props.reviews.length > 0} fallback={<p class="muted">{t('doc.reviewsEmpty')}</p>}>
        <ListTable
          class="reviews-table"
          testId="reviews"
          columns={[t('reviews.round'), t('reviews.step'), t('reviews.reviewer'), t('reviews.decision'), t('reviews.checks'), t('reviews.opinion'), t('reviews.at')]}
          rows={props.reviews}
        >
          {(r) => (
            <tr>
              <td data-label={t('reviews.round')} class="nowrap">{t('reviews.roundN', { n: r.round })}</td>
              <td data-label={t('reviews.step')}>{localized(r.stepName)}</td>
              <td data-label={t('reviews.reviewer')} class="nowrap">{r.reviewerName}</td>
              <td data-label={t('reviews.decision')} class="nowrap">
                <span class={`decision decision-${r.decision}`}>{tKnown('history', `review.${r.decision}`)}</span>
              </td>
              <td data-label={t('reviews.checks')}>
                <ChecksCell checks={r.checks} />
              </td>
              <td data-label={t('reviews.opinion')}>
                <span class="pre">{r.opinion || '—'}</span>
                {/* The step's opinion form, as filled: label and value, one per line. */}
                <Show when={r.form}>
                  {(form) => (
                    <FilledFormFields fields={form().fields} class="review-form-fields" testId="review-opinion-form" />
                  )}
                </Show>
              </td>
              <td data-label={t('reviews.at')} class="nowrap">
                {formatDateTime(r.at)}
              </td>
            </tr>
          )}
        </ListTable>
      </Show>
    </section>
  );
}
