import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { readConfig } from '../../server/config';
import { createServices } from '../../server/bootstrap';
import { createApp } from '../../server/app';
import { standaloneFetch } from '../../server/embed/standalone-fetch';
import { startGroupCommitThread } from '../../server/services/group-commit';
import { startReportReader } from '../../server/db/report-reader';
import { sessionMiddleware, type SessionVariables } from '../../server/http/session-middleware';
import { countRequestsInProgress } from '../../server/http/requests-in-progress';
import { clientAddress } from '../../server/http/request-guards';
import { router, signedInProcedure, type TrpcContext } from '../../server/trpc';

/**
 * The real Shenfa app (server/app.ts) on a loopback port in its own process, plus bench-only
 * baselines beside it: a signed-in no-op tRPC query behind the same session middleware and a
 * static HTML page. The plain
 * Hono JSON baseline is the app's own /healthz. Prints its port on stdout when listening.
 */
const config = readConfig();
const services = await createServices(config);
// As the product's server (server/main.ts): groups are written on their own thread from the start.
if (process.env.BENCH_NO_WRITER_THREAD !== '1') await startGroupCommitThread(services.database);
// As server/main.ts: reports off the event loop from the start.
await startReportReader(services.database);
const app = createApp(services);
// It answers with the client's address as the app's context read it: the HTTP benchmark checks that the app sees what the product's server gives it.
const noopRouter = router({ noop: signedInProcedure.query(({ ctx }) => ({ ok: true, clientIp: ctx.clientIp })) });
const outer = new Hono<{ Variables: SessionVariables }>();
// Counted as the app counts its own requests, so its session read is batched as theirs is (server/db/batched-read.ts).
outer.use('/bench/*', countRequestsInProgress());
outer.use('/bench/trpc/*', sessionMiddleware(services));
outer.use(
  '/bench/trpc/*',
  trpcServer({
    endpoint: '/bench/trpc',
    router: noopRouter,
    createContext: (opts, c): TrpcContext => ({ services, user: c.get('user'), sessionId: c.get('sessionId'), hono: c, resHeaders: opts.resHeaders, clientIp: clientAddress(c) }),
  }),
);
// Baseline for the browser benchmark: a static HTML page from the same server.
outer.get('/bench/static.html', (c) => c.html('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>静态页</title></head><body><h1>静态页</h1></body></html>'));
// Everything else goes to the app as the standalone server serves it (server/main.ts). The
// bindings go along: they hold the socket the client's address is read from (getConnInfo),
// and without them reading it threw and was caught on every tRPC request (≈ 18 µs each).
const appFetch = standaloneFetch({ app, basePath: '/' });
const fetch: typeof appFetch = (request, env) => (request.url.slice(request.url.indexOf('/', 8)).startsWith('/bench/') ? outer.fetch(request, env) : appFetch(request, env));
const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
// Clients sign in one after another and then sit idle; keep their sockets open meanwhile.
(server as import('node:http').Server).keepAliveTimeout = 120_000;
// BENCH_HEAP_PROFILE=file: allocations sampled, those a scavenge collected too unless
// BENCH_HEAP_PROMOTED=1 (then only what lived on into the old generation);
// bench/profiles/http-allocations.ts. Written when the server is stopped.
const heapSampling = process.env.BENCH_HEAP_PROFILE ? await startHeapSampling() : null;
const trace = process.env.BENCH_TRACE ? startTrace() : null;
const stop = () => server.close(async () => {
  if (trace) fs.writeFileSync(process.env.BENCH_TRACE!, JSON.stringify(trace));
  if (heapSampling) fs.writeFileSync(process.env.BENCH_HEAP_PROFILE!, JSON.stringify((await heapSampling.post('HeapProfiler.stopSampling')).profile));
  services.database.close();
  process.exit(0);
});
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

async function startHeapSampling(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: process.env.BENCH_HEAP_PROMOTED !== '1' });
  return session;
}

/**
 * BENCH_TRACE=file: the event loop's gaps over 5 ms (a 1 ms timer that ran late) and every GC,
 * in wall-clock ms, for bench/profiles/http-tail.ts to set beside the slowest requests.
 */
function startTrace() {
  const trace = { gaps: [] as [number, number][], gcs: [] as [number, number, string][] };
  const wall = () => performance.timeOrigin + performance.now();
  let last = wall();
  setInterval(() => {
    const now = wall();
    if (now - last > 5) trace.gaps.push([last, now - last]);
    last = now;
  }, 1).unref();
  const kinds: Record<number, string> = { [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks' };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) trace.gcs.push([performance.timeOrigin + e.startTime, e.duration, kinds[((e as unknown as { detail: { kind: number } }).detail).kind] ?? '?']);
  }).observe({ entryTypes: ['gc'] });
  return trace;
}
