import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The peer address of the request, or null when the runtime does not expose one. */
export function clientAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // 'null' or garbage: never this server
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated mutations: a browser always sends Origin (and
 * Sec-Fetch-Site) on a cross-site POST; refuse any whose origin is not this server's.
 * Non-browser clients send neither and are judged by their session alone.
 */
export function sameOriginMutations() {
  return createMiddleware(async function checkOrigin(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const host = c.req.header('host');
    const crossOrigin = origin ? originHost(origin) !== host : site === 'cross-site';
    if (crossOrigin) return c.json({ error: { code: 'FORBIDDEN', message: '拒绝跨站请求' } }, 403);
    return next();
  });
}
