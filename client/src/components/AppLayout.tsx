/** The router's root: the header for signed-in users, then the page. */
import { Show } from 'solid-js';
import type { RouteSectionProps } from '@solidjs/router';
import { useSession } from '../session/SessionProvider';
import { AppHeader } from './AppHeader';
import { appUrl } from '../mount';

export function AppLayout(props: RouteSectionProps) {
  const session = useSession();
  const user = () => (session.user.error ? null : session.user());
  return (
    <>
      <Show when={user() && props.location.pathname !== appUrl('/login') ? user() : null}>{(u) => <AppHeader user={u()} />}</Show>
      <main class="page">{props.children}</main>
    </>
  );
}
