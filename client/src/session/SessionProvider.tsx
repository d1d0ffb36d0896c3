/**
 * Who is signed in: as the page was served (mount.ts `takeServedUser`), else as `auth.me`
 * answers. Null for a visitor; the router guard reads this to
 * send them to /login. Any call that comes back UNAUTHORIZED (an expired session) clears
 * the user, which triggers the same redirect.
 */
import { createContext, createResource, createSignal, useContext, type ParentProps, type Resource } from 'solid-js';
import { trpc, type SessionUser } from '../trpc';
import { takeServedUser } from '../mount';

interface Session {
  /** undefined while loading, null when signed out. */
  user: Resource<SessionUser | null>;
  signedIn(user: SessionUser): void;
  signOut(): Promise<void>;
  /** Ends every session of the user (all devices), then forgets the user here. */
  signOutEverywhere(): Promise<void>;
  /** Called when the server says the session is gone. */
  expired(): void;
  /** Bumped after any action that may change the inbox, so its count reloads. */
  inboxVersion(): number;
  inboxChanged(): void;
  /** Bumped after notifications were marked read, so the header's unread count reloads. */
  notificationsVersion(): number;
  notificationsChanged(): void;
}

const SessionContext = createContext<Session>();

export function SessionProvider(props: ParentProps) {
  // The page says who it is for (one round trip less before the first page); else ask.
  const served = takeServedUser() as SessionUser | null | undefined;
  const [user, { mutate }] = createResource(() => (served === undefined ? trpc.auth.me.query() : served));
  const [inboxVersion, setInboxVersion] = createSignal(0);
  const [notificationsVersion, setNotificationsVersion] = createSignal(0);
  const session: Session = {
    user,
    signedIn: (u) => mutate(u),
    async signOut() {
      // Even if the server call fails (already expired), the browser forgets the user.
      await trpc.auth.logout.mutate().catch(() => undefined);
      mutate(null);
    },
    async signOutEverywhere() {
      await trpc.auth.signOutEverywhere.mutate().catch(() => undefined);
      mutate(null);
    },
    expired: () => mutate(null),
    inboxVersion,
    inboxChanged: () => setInboxVersion((v) => v + 1),
    notificationsVersion,
    notificationsChanged: () => setNotificationsVersion((v) => v + 1),
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
