import { createMiddleware } from 'hono/factory';
import { blankSessionCookie, readSessionCookie, sessionCookie } from '../auth/cookie';
import { validateSessionToken } from '../services/session-service';
import type { ServiceContext } from '../services/service-context';
import type { SessionUser } from '../services/users';

export type SessionVariables = { user: SessionUser | null; sessionId: string | null };

/** Resolves the session cookie on every request; slides its expiry and re-sends it when refreshed. */
export function sessionMiddleware(services: ServiceContext) {
  return createMiddleware<{ Variables: SessionVariables }>(async function resolveSession(c, next) {
    const token = readSessionCookie(c);
    const session = token ? await validateSessionToken(services, token) : null;
    c.set('user', session?.user ?? null);
    c.set('sessionId', session?.sessionId ?? null);
    await next();
    // After next(): the handler may have built its own Response (tRPC does), and it may
    // have signed in or out itself, in which case its cookie wins.
    if (c.res.headers.has('Set-Cookie') || !token) return;
    if (!session) c.header('Set-Cookie', blankSessionCookie(services.config), { append: true });
    else if (session.refreshed) c.header('Set-Cookie', sessionCookie(token, session.expiresAt, services.config), { append: true });
  });
}
