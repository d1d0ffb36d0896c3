import { Hono } from 'hono';
import type { Shenfa } from './create-shenfa';

/**
 * The request handler of a server that serves Shenfa alone (the standalone server, the test
 * and benchmark servers): the app at its base path.
 *
 * At the root that is the app's own fetch. Any other base path needs a host app, and
 * `host.route()` wraps each of Shenfa's handlers in Shenfa's error handler (an async function
 * and a compose with its closures, per handler and per request). An approval passes eight
 * handlers, so the wrappers were ≈ 10 KB of the ≈ 186 KB it allocates, alive for the whole
 * request (BENCHMARKS.md, "Session of 12:47–15:45 UTC"). Errors are answered by the same
 * handler either way.
 */
export function standaloneFetch(shenfa: Pick<Shenfa, 'app' | 'basePath'>): Hono['fetch'] {
  if (shenfa.basePath === '/') return shenfa.app.fetch;
  return new Hono().route(shenfa.basePath, shenfa.app).fetch;
}
