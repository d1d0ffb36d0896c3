import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import type { AddressInfo } from 'node:net';
import { readConfig } from '../../server/config';
import { createServices } from '../../server/bootstrap';
import { createApp } from '../../server/app';
import { startGroupCommitThread } from '../../server/services/group-commit';
import { startReportReader } from '../../server/db/report-reader';
import { sessionMiddleware, type SessionVariables } from '../../server/http/session-middleware';
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
const noopRouter = router({ noop: signedInProcedure.query(() => ({ ok: true })) });
const outer = new Hono<{ Variables: SessionVariables }>();
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
outer.route('/', app);
const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
// Clients sign in one after another and then sit idle; keep their sockets open meanwhile.
(server as import('node:http').Server).keepAliveTimeout = 120_000;
const stop = () => server.close(() => { services.database.close(); process.exit(0); });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
