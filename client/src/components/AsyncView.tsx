/**
 * Loading, error and data states of one resource in one place. The content gets an
 * accessor and is built once, so a reload after an action updates the page in place
 * and keeps what the user typed and any message on screen (instead of flashing
 * "正在加载" and rebuilding).
 */
import { createEffect, Match, Switch, untrack, type JSX, type Resource } from 'solid-js';
import { useSession } from '../session/SessionProvider';
import { errorMessage, isUnauthorized } from '../errors';
import { Loading } from './Loading';
import { ErrorNotice } from './ErrorNotice';

export function AsyncView<T>(props: { resource: Resource<T>; onRetry?: () => void; children: (data: () => T) => JSX.Element }) {
  const session = useSession();
  createEffect(() => {
    if (isUnauthorized(props.resource.error)) session.expired();
  });
  // After a failed reload `latest` throws; parts of the old page may still read before
  // the error view replaces them, so they get the last good value instead.
  let lastGood: T | undefined;
  const data = () => {
    if (!props.resource.error) lastGood = props.resource.latest;
    return lastGood as T;
  };
  return (
    <Switch fallback={<Loading />}>
      <Match when={props.resource.error as unknown}>
        <ErrorNotice message={errorMessage(props.resource.error)} onRetry={props.onRetry} />
      </Match>
      <Match when={props.resource.state === 'ready' || props.resource.state === 'refreshing'}>
        {untrack(() => props.children(data))}
      </Match>
    </Switch>
  );
}
