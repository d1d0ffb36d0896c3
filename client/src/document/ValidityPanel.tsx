/**
 * 有效性 after publication: a published document may be repealed (废止), expire (失效) or be
 * put back in force through its own small review. The drafter or the publisher proposes a
 * change with a reason (the server's `can.proposeValidity`); a legality reviewer decides it
 * from 我的待办. While a proposal waits, it is shown here instead of the form.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { VALIDITY_VALUES, type Validity } from '../../../workflows/validity/validity-values';
import { trpc, type DocumentView } from '../trpc';
import { t } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { validityLabel } from '../i18n/labels';
import { createDocumentActions } from './document-actions';

export function ValidityPanel(props: { doc: () => DocumentView; reload: () => unknown }) {
  const shown = () => props.doc().status === 'published' && (props.doc().pendingValidityChange || props.doc().can.proposeValidity);
  return (
    <Show when={shown()}>
      <section class="card validity-panel" aria-labelledby="validity-panel-title" data-testid="validity-panel">
        <h2 id="validity-panel-title">{t('validity.title')}</h2>
        <p class="validity-now">
          <span class="muted small">{t('validity.current')}</span>{' '}
          <span class={`validity validity-${props.doc().validity}`}>{validityLabel(props.doc().validity)}</span>
        </p>
        <Show when={props.doc().pendingValidityChange} fallback={<ProposeForm doc={props.doc} reload={props.reload} />}>
          {(change) => (
            <div class="notice notice-warning validity-pending" role="status" data-testid="validity-pending">
              <strong>{t('validity.pending')}</strong>
              <span>
                {t('validity.pendingTo', { v: validityLabel(change().proposedValidity) })}
                <span class="muted small"> · {formatDateTime(change().createdAt)}</span>
              </span>
              <p class="pre" data-testid="validity-pending-reason">
                {change().reason}
              </p>
            </div>
          )}
        </Show>
      </section>
    </Show>
  );
}

function ProposeForm(props: { doc: () => DocumentView; reload: () => unknown }) {
  const actions = createDocumentActions(props.doc, props.reload);
  // Every value but the current one; a proposal that changes nothing is refused anyway.
  const choices = createMemo(() => VALIDITY_VALUES.filter((v) => v !== props.doc().validity));
  const [picked, setPicked] = createSignal<Validity | ''>('');
  const value = () => {
    const p = picked();
    return p && choices().includes(p) ? p : (choices()[0] ?? 'repealed');
  };
  const [reason, setReason] = createSignal('');
  const busy = () => !!actions.busy();

  const propose = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!reason().trim()) {
      actions.refuse(t('validity.reasonRequired'));
      return;
    }
    const ok = await actions.run(t('validity.propose'), (to) => trpc.validity.propose.mutate({ ...to, validity: value(), reason: reason() }));
    if (ok) {
      setReason('');
      setPicked('');
    }
  };

  return (
    <Show when={props.doc().can.proposeValidity}>
      <form class="validity-form" onSubmit={propose} noValidate>
        <Show when={actions.error()}>
          <p class="notice notice-error" role="alert" data-testid="validity-error">
            {actions.error()}
          </p>
        </Show>
        <Show when={actions.done()}>
          <p class="notice notice-success" role="status">
            {actions.done()}
          </p>
        </Show>
        <label for="validity-select">{t('validity.newValue')}</label>
        <select id="validity-select" data-testid="validity-select" value={value()} onChange={(e) => setPicked(e.currentTarget.value as Validity)}>
          <For each={choices()}>
            {(v) => (
              <option value={v} selected={v === value()}>
                {validityLabel(v)}
              </option>
            )}
          </For>
        </select>
        <label for="validity-reason">
          {t('validity.reason')}
          <span class="required" title={t('form.required')}>
            *
          </span>
        </label>
        <textarea
          id="validity-reason"
          data-testid="validity-reason"
          rows={3}
          aria-required="true"
          placeholder={t('validity.reasonPlaceholder')}
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <div class="buttons">
          <button type="submit" class="button" data-testid="propose-validity" disabled={busy()}>
            {t('validity.propose')}
          </button>
        </div>
        <p class="muted small">{t('validity.proposeHint')}</p>
      </form>
    </Show>
  );
}
