import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';

export const SESSION_COOKIE = 'shenfa_session';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * `Set-Cookie` values as strings: tRPC builds its own Response, so cookies are appended
 * to its `resHeaders` (or to the finished response) rather than set on Hono's context.
 */
export function sessionCookie(token: string, expiresAt: number, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires: new Date(expiresAt) });
}

export function blankSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: 0 });
}
