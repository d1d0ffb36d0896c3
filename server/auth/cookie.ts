import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import type { ServerConfig } from '../config';

/** What a cookie's attributes depend on: HTTPS, and where Shenfa is mounted (its Path). */
export type CookieSettings = Pick<ServerConfig, 'secureCookies' | 'basePath'>;

export const SESSION_COOKIE = 'shenfa_session';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * `Set-Cookie` values as strings: tRPC builds its own Response, so cookies are appended
 * to its `resHeaders` (or to the finished response) rather than set on Hono's context.
 */
export function sessionCookie(token: string, expiresAt: number, settings: CookieSettings): string {
  return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: settings.secureCookies, path: cookiePath(settings), expires: new Date(expiresAt) });
}

export function blankSessionCookie(settings: CookieSettings): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Lax', secure: settings.secureCookies, path: cookiePath(settings), maxAge: 0 });
}

/** Mounted under /disclosure, the cookie is sent to /disclosure/… only, never to the host's other pages. */
function cookiePath(settings: CookieSettings): string {
  return settings.basePath || '/';
}
