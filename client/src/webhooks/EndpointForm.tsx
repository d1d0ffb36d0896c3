/**
 * 新增接收方: a name, the receiver's address and the events it wants. The secret comes back
 * once, from the server, and is shown until the admin leaves the page.
 */
import { createSignal, For, Show } from 'solid-js';
import { trpc } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../server/webhooks/webhook-events';

export function EndpointForm(props: { onCreated: () => void }) {
  const [name, setName] = createSignal('');
  const [url, setUrl] = createSignal('');
  const [events, setEvents] = createSignal<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [secret, setSecret] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const toggle = (event: WebhookEvent, on: boolean) => setEvents((list) => (on ? [...list, event] : list.filter((e) => e !== event)));

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await trpc.webhooks.create.mutate({ name: name().trim(), url: url().trim(), events: events() });
      setSecret(created.secret);
      setName('');
      setUrl('');
      props.onCreated();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card webhook-form" data-testid="webhook-form" onSubmit={save} noValidate>
      <h2>{t('webhooks.add')}</h2>
      <div class="field">
        <label for="webhook-name">{t('webhooks.name')}</label>
        <input id="webhook-name" data-testid="webhook-name" maxLength={100} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="webhook-url">{t('webhooks.url')}</label>
        <input id="webhook-url" data-testid="webhook-url" type="url" placeholder="https://" maxLength={2000} value={url()} onInput={(e) => setUrl(e.currentTarget.value)} />
      </div>
      <fieldset class="field">
        <legend>{t('webhooks.events')}</legend>
        <div class="choices">
          <For each={WEBHOOK_EVENTS}>
            {(event) => (
              <label class="choice">
                <input type="checkbox" checked={events().includes(event)} onChange={(e) => toggle(event, e.currentTarget.checked)} />
                <span>{tKnown('webhooks.event', event)}</span>
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={error()}>
        <p class="notice notice-error" role="alert" data-testid="webhook-error">{error()}</p>
      </Show>
      <Show when={secret()}>
        <div class="notice notice-success" role="status" data-testid="webhook-secret">
          <p>{t('webhooks.secretOnce')}</p>
          <code class="webhook-secret">{secret()}</code>
        </div>
      </Show>
      <div class="buttons">
        <button type="submit" class="button button-primary" data-testid="webhook-save" disabled={busy()}>
          {t('webhooks.save')}
        </button>
      </div>
    </form>
  );
}
