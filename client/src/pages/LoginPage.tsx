/** Sign-in. After success the user lands on 我的待办. */
import { createEffect, createSignal, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { trpc } from '../trpc';
import { t } from '../i18n/i18n';
import { errorMessage } from '../errors';
import { useSession } from '../session/SessionProvider';
import { LanguageToggle } from '../components/LanguageToggle';

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  // Someone already signed in who opens /login goes straight to work.
  createEffect(() => {
    if (!session.user.error && session.user()) navigate('/', { replace: true });
  });

  const signIn = async (event: SubmitEvent) => {
    event.preventDefault();
    setError('');
    setBusy(true);
    try {
      const { user } = await trpc.auth.login.mutate({ username: username(), password: password() });
      session.signedIn(user);
      navigate('/', { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="login">
      <div class="login-lang">
        <LanguageToggle />
      </div>
      <form class="card login-card" onSubmit={signIn} noValidate>
        <h1 class="login-brand">{t('app.name')}</h1>
        <p class="muted">{t('login.subtitle')}</p>
        <div class="field">
          <label for="username">{t('login.username')}</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            autocapitalize="off"
            spellcheck={false}
            value={username()}
            onInput={(e) => setUsername(e.currentTarget.value)}
            required
          />
        </div>
        <div class="field">
          <label for="password">{t('login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </div>
        <Show when={error()}>
          <p class="notice notice-error" role="alert" data-testid="login-error">
            {error()}
          </p>
        </Show>
        <button type="submit" class="button button-primary button-block" disabled={busy()}>
          {busy() ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
