/**
 * /account — 账号安全: change one's password (current password required; the server ends
 * every other session) and sign out on every device. The password rules are the shared
 * zod schema, so the browser and the server refuse the same passwords with the same words.
 */
import { createSignal, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage, isUnauthorized } from '../errors';
import { usePageTitle } from '../components/page-title';
import { useSession } from '../session/SessionProvider';
import { changePasswordSchema, newPasswordSchema } from '../../../forms/password-rules';

export function AccountPage() {
  usePageTitle(() => t('account.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError('');
    setDone('');
    const input = { currentPassword: current(), newPassword: next() };
    const shape = changePasswordSchema.safeParse(input);
    const rules = newPasswordSchema(session.user()?.username ?? '').safeParse(next());
    const problem = !shape.success ? shape.error.issues[0]?.message : !rules.success ? rules.error.issues[0]?.message : next() !== confirm() ? t('account.mismatch') : '';
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await trpc.auth.changePassword.mutate(input);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(t('account.changed'));
    } catch (e) {
      if (isUnauthorized(e)) session.expired();
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const signOutEverywhere = async () => {
    if (!window.confirm(t('account.everywhereConfirm'))) return;
    await session.signOutEverywhere();
    navigate('/login', { replace: true });
  };

  return (
    <section class="account-page">
      <h1>{t('account.title')}</h1>
      <form class="card account-form" onSubmit={submit} novalidate>
        <h2>{t('account.changePassword')}</h2>
        <p class="page-intro">{t('account.rules')}</p>
        <div class="field">
          <label for="current-password">{t('account.current')}</label>
          <input id="current-password" type="password" autocomplete="current-password" data-testid="current-password" value={current()} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="new-password">{t('account.new')}</label>
          <input id="new-password" type="password" autocomplete="new-password" data-testid="new-password" value={next()} onInput={(e) => setNext(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="confirm-password">{t('account.confirm')}</label>
          <input id="confirm-password" type="password" autocomplete="new-password" data-testid="confirm-password" value={confirm()} onInput={(e) => setConfirm(e.currentTarget.value)} />
        </div>
        <div aria-live="polite">
          <Show when={error()}>
            <p class="notice notice-error" role="alert" data-testid="account-error">{error()}</p>
          </Show>
          <Show when={done()}>
            <p class="notice notice-success" role="status" data-testid="account-done">{done()}</p>
          </Show>
        </div>
        <div class="buttons">
          <button type="submit" class="button button-primary" disabled={busy()} data-testid="change-password">
            {t('account.save')}
          </button>
        </div>
      </form>
      <div class="card account-everywhere">
        <h2>{t('account.everywhere')}</h2>
        <p class="page-intro">{t('account.everywhereHint')}</p>
        <button type="button" class="button button-danger" data-testid="sign-out-everywhere" onClick={signOutEverywhere}>
          {t('account.everywhere')}
        </button>
      </div>
    </section>
  );
}
