/**
 * Guards every staff page: a visitor goes to /login. The server checks every call
 * anyway; this only spares the user a page of "请先登录" errors.
 */
import { createEffect, Show, type ParentProps } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { useSession } from './SessionProvider';
import { Loading } from '../components/Loading';
import { ErrorNotice } from '../components/ErrorNotice';
import { errorMessage } from '../errors';

export function RequireSignIn(props: ParentProps) {
  const session = useSession();
  const navigate = useNavigate();
  createEffect(() => {
    if (!session.user.loading && !session.user.error && session.user() === null) navigate('/login', { replace: true });
  });
  return (
    <Show when={!session.user.error} fallback={<ErrorNotice message={errorMessage(session.user.error)} onRetry={() => location.reload()} />}>
      <Show when={session.user()} fallback={<Loading />}>
        {props.children}
      </Show>
    </Show>
  );
}
