/**
 * /login when Shenfa is embedded with host sign-in: there is no password here; whoever is not
 * signed in to the host application is sent (or pointed) to the host's own login page.
 */
import { createEffect, onMount, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { t } from '../i18n/i18n';
import { useSession } from '../session/SessionProvider';
import { LanguageToggle } from '../components/LanguageToggle';
import { hostSignInUrl } from '../mount';

export function HostSignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  // Signed in to the host after all (the check raced a sign-in in another tab): go to work.
  createEffect(() => {
    if (!session.user.error && session.user()) navigate('/', { replace: true });
  });
  onMount(() => {
    if (hostSignInUrl && !session.user.loading && session.user() === null) window.location.assign(hostSignInUrl);
  });
  return (
    <section class="login">
      <div class="login-lang">
        <LanguageToggle />
      </div>
      <div class="card login-card" data-testid="host-sign-in">
        <h1 class="login-brand">{t('app.name')}</h1>
        <p>{t('login.hostManaged')}</p>
        <Show when={hostSignInUrl}>
          {(url) => (
            <a class="button button-primary button-block" href={url()} rel="external">
              {t('login.hostSignIn')}
            </a>
          )}
        </Show>
      </div>
    </section>
  );
}
