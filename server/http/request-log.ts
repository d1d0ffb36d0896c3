import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requestLogger } from '../log';
import type { SessionVariables } from './session-middleware';

export type RequestIdVariables = { requestId: string };

/** A caller's X-Request-Id is kept when it is a plain token (so a proxy's id follows the request). */
const ACCEPTABLE_ID = /^[\w.=-]{1,128}$/;

export function requestIdOf(c: Context): string {
  return (c.get('requestId') as string | undefined) ?? '';
}

/**
 * Gives every request an id (the caller's X-Request-Id or a new UUID), returns it in the
 * response header, and logs one line per request: method, path (never the query string,
 * which carries tRPC inputs), status, duration, and the user id when signed in.
 */
export function requestLog() {
  return createMiddleware<{ Variables: RequestIdVariables & Partial<SessionVariables> }>(async function logRequest(c, next) {
    const offered = c.req.header('x-request-id');
    const requestId = offered && ACCEPTABLE_ID.test(offered) ? offered : crypto.randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    try {
      c.res.headers.set('X-Request-Id', requestId);
    } catch {
      // A response with immutable headers (fetched elsewhere): copy it once.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('X-Request-Id', requestId);
    }
    const status = c.res.status;
    const line = { requestId, method: c.req.method, path: c.req.path, status, ms: Math.round((performance.now() - started) * 10) / 10, userId: c.get('user')?.id ?? null };
    if (status >= 500) requestLogger.error(line, 'request failed');
    else requestLogger.info(line, 'request');
  });
}
