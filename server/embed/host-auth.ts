/**
 * Host sign-in: when Shenfa is embedded with `auth: { mode: 'host' }`, the host has already
 * authenticated the person; this middleware asks the host who it is and stands in for
 * Shenfa's session cookie. Everything after it (signedInProcedure, roleProcedure, the
 * access rules of every service) is the same as with Shenfa's own sign-in.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { provisionHostUser, type HostUser } from '../services/host-user-service';
import type { ServiceContext } from '../services/service-context';
import type { SessionVariables } from '../http/session-middleware';
import type { Role } from '../../workflows/roles';
import type { SessionUser } from '../services/users';
import { ShenfaError } from '../services/errors';

/** Shenfa's own password sign-in (the default). */
export interface OwnSignIn {
  mode: 'own';
}

/** Trust the host application's signed-in user. */
export interface HostSignIn {
  mode: 'host';
  /**
   * Who the request's user is, as the host knows them, or null for nobody (Shenfa answers
   * 401). Runs on the host's own Hono context, so whatever the host's middleware set
   * (c.get('user'), a verified header, a JWT) is there to read.
   */
  resolveUser: (c: Context) => HostUser | null | Promise<HostUser | null>;
  /** Roles of a user first seen without `roles` from the host; Shenfa's admin changes them later. Default: none. */
  defaultRoles?: readonly Role[];
  /** Where the staff app sends someone who is not signed in to the host (the host's login page). */
  signInUrl?: string;
}

export type ShenfaAuth = OwnSignIn | HostSignIn;

/**
 * Not a session: a marker so that signedInProcedure admits the user. The procedures that use
 * a real session id (sign-out, password change) refuse host sign-in before reaching it.
 */
export const HOST_SESSION_ID = 'host';

export function hostUserMiddleware(services: ServiceContext, auth: HostSignIn) {
  return createMiddleware<{ Variables: SessionVariables }>(async function resolveHostUser(c, next) {
    const hostUser = await auth.resolveUser(c);
    let user: SessionUser | null = null;
    try {
      user = hostUser ? await provisionHostUser(services, hostUser, auth.defaultRoles ?? []) : null;
    } catch (error) {
      // A first sight that cannot be stored (full disk, read-only file): say so, as every write does.
      if (error instanceof ShenfaError && error.code === 'SERVICE_UNAVAILABLE') return c.json({ error: { code: error.code, message: error.message } }, 503);
      throw error;
    }
    c.set('user', user);
    c.set('sessionId', user ? HOST_SESSION_ID : null);
    await next();
  });
}
