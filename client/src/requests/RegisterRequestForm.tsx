/** The staff dialog that registers a letter or in-person request with the day it was received. */
import { createSignal, For, Show } from 'solid-js';
import { APPLICANT_TYPES, DELIVERY_FORMS } from '../../../workflows/requests/request-vocabulary';
import { INFO_REQUEST_FIELDS, registerRequestSchema } from '../../../forms/info-request';
import { trpc } from '../trpc';
import { t, type MessageKey } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { applicantTypeLabel, channelLabel, deliveryFormLabel, todayCst } from './request-labels';

const TEXT_FIELDS = ['applicantName', 'organisationName', 'applicantIdNumber', 'contactPhone', 'email', 'address'] as const;

export function RegisterRequestForm(props: { onDone: (message: string) => void; onCancel: () => void }) {
  const [values, setValues] = createSignal<Record<string, string>>({ applicantType: 'natural_person', deliveryForm: 'paper', channel: 'letter', receivedAt: todayCst() });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const set = (key: string, value: string) => setValues({ ...values(), [key]: value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const v = values();
    // The same schema as the server: messages appear before a round trip.
    const parsed = registerRequestSchema.safeParse({ form: Object.fromEntries(INFO_REQUEST_FIELDS.map((k) => [k, v[k] ?? ''])), channel: v.channel, receivedAt: v.receivedAt });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path.at(-1)), i.message]).reverse()));
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      const registered = await trpc.requests.register.mutate(parsed.data);
      props.onDone(t('requests.registered', { no: registered.requestNo, code: registered.secretCode }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (key: string) => (
    <Show when={errors()[key]}>
      <p class="field-error">{errors()[key]}</p>
    </Show>
  );
  return (
    <form class="card register-request" onSubmit={submit} data-testid="register-request" novalidate>
      <h2>{t('requests.registerTitle')}</h2>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">{error()}</p>
      </Show>
      <div class="form-grid">
        <label class="field">
          <span>{t('requests.field.channel')}</span>
          <select value={values().channel} onChange={(e) => set('channel', e.currentTarget.value)} data-testid="register-channel">
            <For each={['letter', 'in_person']}>{(c) => <option value={c}>{channelLabel(c)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('requests.field.receivedAt')}</span>
          <input type="date" value={values().receivedAt} max={todayCst()} onInput={(e) => set('receivedAt', e.currentTarget.value)} data-testid="register-receivedAt" />
          {fieldError('receivedAt')}
        </label>
        <label class="field">
          <span>{t('requests.field.applicantType')}</span>
          <select value={values().applicantType} onChange={(e) => set('applicantType', e.currentTarget.value)} data-testid="register-applicantType">
            <For each={APPLICANT_TYPES}>{(a) => <option value={a}>{applicantTypeLabel(a)}</option>}</For>
          </select>
        </label>
        <For each={TEXT_FIELDS}>
          {(key) => (
            <label class="field">
              <span>{t(`requests.field.${key}` as MessageKey)}</span>
              <input value={values()[key] ?? ''} onInput={(e) => set(key, e.currentTarget.value)} data-testid={`register-${key}`} />
              {fieldError(key)}
            </label>
          )}
        </For>
        <label class="field">
          <span>{t('requests.field.deliveryForm')}</span>
          <select value={values().deliveryForm} onChange={(e) => set('deliveryForm', e.currentTarget.value)}>
            <For each={DELIVERY_FORMS}>{(f) => <option value={f}>{deliveryFormLabel(f)}</option>}</For>
          </select>
        </label>
      </div>
      <label class="field">
        <span>{t('requests.field.description')}</span>
        <textarea rows={4} value={values().description ?? ''} onInput={(e) => set('description', e.currentTarget.value)} data-testid="register-description" />
        {fieldError('description')}
      </label>
      <label class="field">
        <span>{t('requests.field.purpose')}</span>
        <input value={values().purpose ?? ''} onInput={(e) => set('purpose', e.currentTarget.value)} />
      </label>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()} data-testid="register-save">{t('requests.save')}</button>
        <button type="button" class="button" onClick={() => props.onCancel()}>{t('requests.cancel')}</button>
      </div>
    </form>
  );
}
