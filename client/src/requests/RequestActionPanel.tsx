/**
 * The handling steps the request machine accepts today, as buttons with the few inputs each
 * needs. The server lists what the machine would accept; roles only hide what the router
 * would refuse anyway.
 */
import { createSignal, For, Show } from 'solid-js';
import { DELIVERY_METHODS, REPLY_RESULTS, SUB_REASONS, type ReplyResult } from '../../../workflows/requests/request-vocabulary';
import { REPLY_REVIEWER_ROLES, REQUEST_HANDLER_ROLES, EXTENSION_APPROVER_ROLES } from '../../../workflows/requests/request-roles';
import { trpc, type SessionUser } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { deliveryMethodLabel, resultLabel, subReasonLabel, todayCst } from './request-labels';

type ActionType = 'ACCEPT' | 'REQUEST_CORRECTION' | 'RECEIVE_CORRECTION' | 'CLOSE_UNCORRECTED' | 'START_CONSULTATION' | 'END_CONSULTATION' | 'REQUEST_EXTENSION' | 'APPROVE_EXTENSION' | 'NOTIFY_FEE' | 'RECORD_FEE_PAID' | 'CLOSE_FEE_UNPAID' | 'DRAFT_REPLY' | 'REVIEW_REPLY' | 'SEND_REPLY';

const PLAIN: Partial<Record<ActionType, 'accept' | 'request_correction' | 'receive_correction' | 'close_uncorrected' | 'start_consultation' | 'end_consultation' | 'record_fee_paid' | 'close_fee_unpaid'>> = {
  ACCEPT: 'accept', REQUEST_CORRECTION: 'request_correction', RECEIVE_CORRECTION: 'receive_correction', CLOSE_UNCORRECTED: 'close_uncorrected',
  START_CONSULTATION: 'start_consultation', END_CONSULTATION: 'end_consultation', RECORD_FEE_PAID: 'record_fee_paid', CLOSE_FEE_UNPAID: 'close_fee_unpaid',
};
/** Lapse reasons are the flow's own; the clerk never picks them for a letter. */
const LAPSES = new Set(['no_correction_in_time', 'fee_unpaid_in_time']);

export function RequestActionPanel(props: { requestId: string; version: number; actions: string[]; user: SessionUser; onDone: () => Promise<unknown> }) {
  const [date, setDate] = createSignal(todayCst());
  const [note, setNote] = createSignal('');
  const [days, setDays] = createSignal(20);
  const [basis, setBasis] = createSignal<'per_request' | 'per_page'>('per_request');
  const [amount, setAmount] = createSignal('');
  const [result, setResult] = createSignal<ReplyResult>('disclose');
  const [subReason, setSubReason] = createSignal('');
  const [method, setMethod] = createSignal<(typeof DELIVERY_METHODS)[number]>('post');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const has = (roles: readonly string[]) => props.user.roles.some((r) => roles.includes(r));
  const allowed = (type: ActionType) => {
    if (!props.actions.includes(type)) return false;
    if (type === 'APPROVE_EXTENSION') return has(EXTENSION_APPROVER_ROLES);
    if (type === 'REVIEW_REPLY') return has(REPLY_REVIEWER_ROLES);
    return has(REQUEST_HANDLER_ROLES);
  };
  const visible = () => (Object.keys(PLAIN) as ActionType[]).concat(['REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'NOTIFY_FEE', 'DRAFT_REPLY', 'REVIEW_REPLY', 'SEND_REPLY']).filter(allowed);
  const reasons = () => SUB_REASONS[result()].filter((r) => !LAPSES.has(r));
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      setNote('');
      await props.onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const base = () => ({ requestId: props.requestId, expectedVersion: props.version, date: date(), note: note() });
  const button = (type: ActionType, call: () => Promise<unknown>, primary = false) => (
    <button type="button" class={`button${primary ? ' button-primary' : ''}`} disabled={busy()} data-testid={`request-action-${type}`} onClick={() => run(call)}>
      {tKnown('requests.action', type)}
    </button>
  );
  return (
    <section class="card request-actions" data-testid="request-actions">
      <h2>{t('requests.actions')}</h2>
      <Show when={visible().length > 0} fallback={<p class="muted">{t('requests.noActions')}</p>}>
        <Show when={error()}>
          <p class="notice notice-error" role="alert" data-testid="request-action-error">{error()}</p>
        </Show>
        <div class="form-grid">
          <label class="field">
            <span>{t('requests.date')}</span>
            <input type="date" value={date()} max={todayCst()} onInput={(e) => setDate(e.currentTarget.value)} data-testid="request-action-date" />
          </label>
          <label class="field">
            <span>{t('requests.note')}</span>
            <input value={note()} maxLength={1000} onInput={(e) => setNote(e.currentTarget.value)} data-testid="request-action-note" />
          </label>
        </div>
        <div class="buttons">
          <For each={visible().filter((type) => PLAIN[type])}>{(type) => button(type, () => trpc.requests.act.mutate({ action: PLAIN[type]!, ...base() }), type === 'ACCEPT')}</For>
          <Show when={allowed('APPROVE_EXTENSION')}>{button('APPROVE_EXTENSION', () => trpc.requests.approveExtension.mutate(base()), true)}</Show>
          <Show when={allowed('REVIEW_REPLY')}>{button('REVIEW_REPLY', () => trpc.requests.reviewReply.mutate({ requestId: props.requestId, expectedVersion: props.version, date: date() }), true)}</Show>
        </div>
        <Show when={allowed('REQUEST_EXTENSION')}>
          <div class="inline-form">
            <label class="inline-field">
              <span>{t('requests.days')}</span>
              <input type="number" min="1" max="20" value={days()} onInput={(e) => setDays(Number(e.currentTarget.value))} />
            </label>
            {button('REQUEST_EXTENSION', () => trpc.requests.act.mutate({ action: 'request_extension', ...base(), days: days() }))}
          </div>
        </Show>
        <Show when={allowed('NOTIFY_FEE')}>
          <div class="inline-form">
            <label class="inline-field">
              <span>{t('requests.feeBasis')}</span>
              <select value={basis()} onChange={(e) => setBasis(e.currentTarget.value as 'per_request' | 'per_page')}>
                <option value="per_request">{t('requests.feeBasis.per_request')}</option>
                <option value="per_page">{t('requests.feeBasis.per_page')}</option>
              </select>
            </label>
            <label class="inline-field">
              <span>{t('requests.feeAmount')}</span>
              <input type="number" min="0" step="0.01" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />
            </label>
            {button('NOTIFY_FEE', () => trpc.requests.act.mutate({ action: 'notify_fee', ...base(), basis: basis(), amountFen: Math.round(Number(amount()) * 100) }))}
          </div>
        </Show>
        <Show when={allowed('DRAFT_REPLY')}>
          <div class="inline-form">
            <label class="inline-field">
              <span>{t('requests.result')}</span>
              <select value={result()} onChange={(e) => { setResult(e.currentTarget.value as ReplyResult); setSubReason(reasons()[0] ?? ''); }} data-testid="reply-result">
                <For each={REPLY_RESULTS}>{(r) => <option value={r}>{resultLabel(r)}</option>}</For>
              </select>
            </label>
            <Show when={reasons().length > 0}>
              <label class="inline-field">
                <span>{t('requests.subReason')}</span>
                <select value={subReason()} onChange={(e) => setSubReason(e.currentTarget.value)} data-testid="reply-sub-reason">
                  <For each={reasons()}>{(r) => <option value={r}>{subReasonLabel(r)}</option>}</For>
                </select>
              </label>
            </Show>
            {button('DRAFT_REPLY', () => trpc.requests.draftReply.mutate({ requestId: props.requestId, expectedVersion: props.version, date: date(), result: result(), subReason: reasons().length ? subReason() || reasons()[0]! : null }), true)}
          </div>
        </Show>
        <Show when={allowed('SEND_REPLY')}>
          <div class="inline-form">
            <label class="inline-field">
              <span>{t('requests.deliveryMethod')}</span>
              <select value={method()} onChange={(e) => setMethod(e.currentTarget.value as (typeof DELIVERY_METHODS)[number])} data-testid="reply-delivery">
                <For each={DELIVERY_METHODS}>{(m) => <option value={m}>{deliveryMethodLabel(m)}</option>}</For>
              </select>
            </label>
            {button('SEND_REPLY', () => trpc.requests.sendReply.mutate({ requestId: props.requestId, expectedVersion: props.version, date: date(), deliveryMethod: method() }), true)}
          </div>
        </Show>
      </Show>
    </section>
  );
}
