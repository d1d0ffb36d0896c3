/**
 * 邮件提醒: where the user's notifications are also e-mailed, and how (each at once, one
 * digest a day at 08:00, or none). Shown only as a hint when the server has no SMTP.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { trpc } from '../trpc';
import { t, tKnown } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { OutcomeNotice, type Outcome } from '../components/OutcomeNotice';

const MODES = ['instant', 'digest', 'off'] as const;

export function MailSettings() {
  const [settings, { mutate }] = createResource(() => trpc.notifications.mailSettings.query());
  const [email, setEmail] = createSignal<string | null>(null);
  const [mode, setMode] = createSignal<(typeof MODES)[number] | null>(null);
  const [message, setMessage] = createSignal<Outcome | null>(null);
  const [busy, setBusy] = createSignal(false);
  const currentEmail = () => email() ?? settings()?.email ?? '';
  const currentMode = () => mode() ?? settings()?.mode ?? 'instant';

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      mutate(await trpc.notifications.setMailSettings.mutate({ email: currentEmail().trim(), mode: currentMode() }));
      setMessage({ ok: true, text: t('mail.saved') });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={settings()}>
      {(s) => (
        <form class="card mail-settings" data-testid="mail-settings" onSubmit={save} noValidate>
          <h2>{t('mail.title')}</h2>
          <Show when={!s().smtpConfigured}>
            <p class="muted small">{t('mail.notConfigured')}</p>
          </Show>
          <div class="field">
            <label for="mail-email">{t('mail.email')}</label>
            <input id="mail-email" type="email" data-testid="mail-email" maxLength={254} value={currentEmail()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <fieldset class="field">
            <legend>{t('mail.mode')}</legend>
            <div class="choices">
              <For each={MODES}>
                {(m) => (
                  <label class="choice">
                    <input type="radio" name="mail-mode" value={m} checked={currentMode() === m} onChange={() => setMode(m)} />
                    <span>{tKnown('mail.mode', m)}</span>
                  </label>
                )}
              </For>
            </div>
          </fieldset>
          <OutcomeNotice outcome={message()} />
          <div class="buttons">
            <button type="submit" class="button button-primary" data-testid="mail-save" disabled={busy()}>
              {t('mail.save')}
            </button>
          </div>
        </form>
      )}
    </Show>
  );
}
