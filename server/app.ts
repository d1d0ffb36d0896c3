import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { trpcServer } from '@hono/trpc-server';
import { appRouter } from './routers/index';
import { sessionMiddleware, type SessionVariables } from './http/session-middleware';
import { attachmentRoutes } from './http/attachment-routes';
import { annualReportRoutes } from './http/annual-report-routes';
import { catalogTransferRoutes } from './http/catalog-transfer-routes';
import { channelProofRoutes } from './http/channel-proof-routes';
import { publicRoutes } from './http/public-routes';
import { publicApplyRoutes } from './http/public-apply-routes';
import { publicFeedRoutes } from './http/public-feed-routes';
import { staticClient } from './http/static-client';
import type { ServiceContext } from './services/service-context';
import { databaseReadiness } from './db/client';
import type { TrpcContext } from './trpc';
import { describeSignedInUser } from './services/session-service';
import { clientAddress, sameOriginMutations } from './http/request-guards';
import { apiBodyLimit, utf8Body } from './http/body-guards';
import { requestLog, type RequestIdVariables } from './http/request-log';
import { countRequestsInProgress } from './http/requests-in-progress';
import { log } from './log';
import { hostUserMiddleware, type ShenfaAuth } from './embed/host-auth';
import { prefixHtmlLinks } from './embed/prefix-links';

/**
 * The whole HTTP surface of Shenfa as one Hono app, with its routes written from its own
 * root; a host mounts it at `services.config.basePath` (host.route). The standalone server
 * is one such host. Use createShenfa (server/index.ts), which also opens the database.
 */
export function createApp(services: ServiceContext, auth: ShenfaAuth = { mode: 'own' }) {
  const { basePath } = services.config;
  const app = new Hono<{ Variables: SessionVariables & RequestIdVariables }>();
  app.use('*', countRequestsInProgress());
  app.use('*', requestLog());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
    }),
  );
  // Alive: the process answers. Ready: the database answers and every migration has run.
  app.get('/healthz', (c) => c.json({ status: 'ok', time: new Date(services.now()).toISOString() }));
  app.get('/readyz', async (c) => {
    const readiness = await databaseReadiness(services.database);
    return c.json(readiness, readiness.ready ? 200 : 503);
  });
  // Mounted below the root, the public pages' links get the base path (a no-op at the root, so not registered there).
  if (basePath) app.use('/public/*', prefixHtmlLinks(basePath));
  // /public/ (as people type it, and as older links have it) is the catalog at /public.
  app.get('/public/', (c) => c.redirect(`${basePath}/public${new URL(c.req.url).search}`, 301));
  app.route('/', publicFeedRoutes(services));
  app.route('/public/apply', publicApplyRoutes(services));
  app.route('/public', publicRoutes(services));
  app.use('/api/*', sameOriginMutations());
  app.use('/api/trpc/*', apiBodyLimit(), utf8Body());
  const identify = auth.mode === 'host' ? hostUserMiddleware(services, auth) : sessionMiddleware(services);
  app.use('/api/*', identify);
  app.use(
    '/api/trpc/*',
    trpcServer({
      endpoint: `${basePath}/api/trpc`,
      router: appRouter,
      createContext: (opts, c): TrpcContext => ({ services, user: c.get('user'), sessionId: c.get('sessionId'), hono: c, resHeaders: opts.resHeaders, clientIp: clientAddress(c) }),
    }),
  );
  app.route('/api', attachmentRoutes(services));
  app.route('/api', annualReportRoutes(services));
  app.route('/api', catalogTransferRoutes(services));
  app.route('/api', channelProofRoutes(services));
  app.all('/api/*', (c) => c.json({ error: { code: 'NOT_FOUND', message: '接口不存在' } }, 404));
  // The staff app's page says who it is for, as auth.me would (one round trip less at the start).
  // A host may identify its users on the API's paths alone: its "nobody" for the page is not
  // told, and the app asks auth.me as before.
  const identity = {
    identify,
    describe: async (c: Context<{ Variables: SessionVariables }>) => (auth.mode === 'host' && !c.get('user') ? undefined : describeSignedInUser(services, c.get('user'))),
  };
  app.route('/', staticClient(services.config.clientDir, { basePath, signIn: auth.mode, signInUrl: auth.mode === 'host' ? auth.signInUrl : undefined }, identity));
  app.onError((error, c) => {
    // The log has the error with its stack; the answer has only the id to find it by.
    const requestId = c.get('requestId');
    log.error({ requestId, err: error }, 'unhandled error');
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: `服务器内部错误，请稍后重试（请求编号 ${requestId}）`, requestId } }, 500);
  });
  return app;
}
