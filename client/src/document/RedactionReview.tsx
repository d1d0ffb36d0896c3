/**
 * 删减内容 of a partially public document: each removed passage with its legal ground and
 * reason, and whether the secrecy review has confirmed it. The secrecy reviewer holding the
 * task may change a ground or reason, or remove a passage, then 「确认删减」 saves the list
 * as it stands and marks every passage confirmed.
 */
import { createEffect, createSignal, For, Index, on, Show } from 'solid-js';
import { LEGAL_GROUNDS, LEGAL_GROUND_LABELS, type LegalGround, type Redaction } from '../../../forms/index';
import { localized, t } from '../i18n/i18n';
import { legalGroundLabel } from '../i18n/labels';
import { trpc, type DocumentView } from '../trpc';
import { createDocumentActions } from './document-actions';

type Stored = DocumentView['redactions'][number];

const editable = (list: readonly Stored[]): Redaction[] => list.map(({ start, end, ground, reason }) => ({ start, end, ground, reason }));
const same = (a: readonly Redaction[], b: readonly Redaction[]) =>
  a.length === b.length && a.every((r, i) => r.start === b[i]!.start && r.end === b[i]!.end && r.ground === b[i]!.ground && r.reason.trim() === b[i]!.reason);

export function RedactionReview(props: { doc: DocumentView; reload: () => unknown }) {
  const actions = createDocumentActions(() => props.doc, props.reload);
  const [draft, setDraft] = createSignal<Redaction[]>(editable(props.doc.redactions));
  // A reload (after confirming, or someone else's change) starts again from what is stored.
  createEffect(on(() => props.doc.version, () => setDraft(editable(props.doc.redactions)), { defer: true }));

  const canEdit = () => props.doc.can.reviseRedactions;
  const changed = () => !same(draft(), editable(props.doc.redactions));
  // Confirmed while it still reads as the secrecy reviewer confirmed it; an unsaved edit makes it pending again.
  const confirmed = (r: Redaction) => {
    const stored = props.doc.redactions.find((s) => s.start === r.start && s.end === r.end);
    return Boolean(stored?.confirmedBy) && stored!.ground === r.ground && stored!.reason === r.reason.trim();
  };
  const update = (index: number, patch: Partial<Redaction>) => setDraft(draft().map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const remove = (index: number) => setDraft(draft().filter((_, i) => i !== index));

  const confirm = () => {
    if (draft().length === 0) return actions.refuse(t('redactionReview.atLeastOne'));
    const blank = draft().findIndex((r) => !r.reason.trim());
    if (blank >= 0) return actions.refuse(t('redactionReview.reasonRequired', { n: blank + 1 }));
    const redactions = draft().map((r) => ({ ...r, reason: r.reason.trim() }));
    return actions.run(t('redactionReview.confirm'), (target) => trpc.review.reviseRedactions.mutate({ ...target, redactions }));
  };

  return (
    <Show when={props.doc.redactions.length > 0 || canEdit()}>
      <section class="card redaction-review" data-testid="redaction-review">
        <h2>{t('redactionReview.title')}</h2>
        <Show when={canEdit()}>
          <p class="muted small">{t('redactionReview.hint')}</p>
        </Show>
        <ol class="review-redactions">
          {/* Index, not For: editing a reason must not rebuild the row under the cursor. */}
          <Index each={canEdit() ? draft() : editable(props.doc.redactions)}>
            {(r, i) => (
              <li data-testid="redaction-review-item">
                <div class="review-redaction-head">
                  <span class="redaction-passage">「{props.doc.body.slice(r().start, r().end)}」</span>
                  <Show
                    when={confirmed(r())}
                    fallback={<span class="badge badge-returned" data-testid="redaction-pending">{t('redactionReview.pending')}</span>}
                  >
                    <span class="badge badge-published" data-testid="redaction-confirmed">
                      {t('redactionReview.confirmed')}
                    </span>
                  </Show>
                </div>
                <Show
                  when={canEdit()}
                  fallback={
                    <p class="redaction-why">
                      {legalGroundLabel(r().ground)}：{r().reason}
                    </p>
                  }
                >
                  <div class="review-redaction-edit">
                    <select
                      aria-label={t('redaction.ground')}
                      data-testid="redaction-review-ground"
                      value={r().ground}
                      onChange={(e) => update(i, { ground: e.currentTarget.value as LegalGround })}
                    >
                      <For each={LEGAL_GROUNDS}>
                        {(g) => (
                          <option value={g} selected={g === r().ground}>
                            {localized(LEGAL_GROUND_LABELS[g])}
                          </option>
                        )}
                      </For>
                    </select>
                    <input
                      type="text"
                      aria-label={t('redaction.reason')}
                      data-testid="redaction-review-reason"
                      maxLength={500}
                      value={r().reason}
                      onInput={(e) => update(i, { reason: e.currentTarget.value })}
                    />
                    <button type="button" class="link-button danger" data-testid="redaction-review-remove" onClick={() => remove(i)}>
                      {t('redaction.remove')}
                    </button>
                  </div>
                </Show>
              </li>
            )}
          </Index>
        </ol>
        <Show when={canEdit()}>
          <Show when={actions.error()}>
            <p class="notice notice-error" role="alert" data-testid="redaction-review-error">
              {actions.error()}
            </p>
          </Show>
          <Show when={actions.done() && !changed()}>
            <p class="notice notice-success" role="status">
              {actions.done()}
            </p>
          </Show>
          <div class="buttons">
            <button type="button" class="button button-primary" data-testid="confirm-redactions" disabled={Boolean(actions.busy())} onClick={confirm}>
              {t('redactionReview.confirm')}
            </button>
            <Show when={changed()}>
              <span class="muted small">{t('redactionReview.changed')}</span>
            </Show>
          </div>
        </Show>
      </section>
    </Show>
  );
}
