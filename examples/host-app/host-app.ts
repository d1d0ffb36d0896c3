/**
 * An example host: a tiny Hono application (think: a bureau's existing OA portal) with its
 * own sign-in, which embeds Shenfa under /disclosure and lets Shenfa trust its signed-in user.
 *
 * The sign-in here is deliberately fake — pick a person, no password — because how a host
 * authenticates is its own business. What matters is the contract: the host's middleware puts
 * the user on the context before Shenfa's routes, and `resolveUser` tells Shenfa who it is.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { createShenfa, type HostUser, type Shenfa, type ShenfaSettings } from '../../server/index';

/** The host's own directory of people. Roles are the host's too: Shenfa follows them. */
export const HOST_PEOPLE: Record<string, HostUser> = {
  'zhang.min': { username: 'zhang.min', displayName: '张敏', roles: ['drafter'], department: { code: 'assistance', name: '社会救助科' } },
  'wu.lei': { username: 'wu.lei', displayName: '吴磊', roles: ['admin', 'publisher'], department: { code: 'info', name: '信息中心' } },
  // Known to the host, but given no Shenfa role: may look around, may not act.
  'guest.qian': { username: 'guest.qian', displayName: '钱来宾', roles: [] },
};

export const BASE_PATH = '/disclosure';
const COOKIE = 'host_user';

type HostEnv = { Variables: { hostUser: HostUser | null } };

export interface HostApp {
  app: Hono<HostEnv>;
  shenfa: Shenfa;
  close(): Promise<void>;
}

/** The host's session: a signed cookie naming one of HOST_PEOPLE. */
function hostSession(secret: string) {
  return createMiddleware<HostEnv>(async function hostSession(c, next) {
    const name = await getSignedCookie(c, secret, COOKIE);
    c.set('hostUser', (name && HOST_PEOPLE[name]) || null);
    await next();
  });
}

const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title} - 示例门户</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto">
<header><strong>示例门户（宿主系统）</strong></header>
<main>${body}</main>
</body></html>`;

export async function createHostApp(options: { databaseUrl: string; secret?: string; settings?: ShenfaSettings; scheduler?: boolean }): Promise<HostApp> {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const shenfa = await createShenfa({
    ...options.settings,
    databaseUrl: options.databaseUrl,
    basePath: BASE_PATH,
    scheduler: options.scheduler ?? true,
    auth: {
      mode: 'host',
      // Whatever the host's middleware put on the context: Shenfa provisions the person on first sight.
      resolveUser: (c) => c.get('hostUser') ?? null,
      signInUrl: '/login',
    },
  });

  const app = new Hono<HostEnv>();
  // The host's auth runs first, for its own pages and for Shenfa's alike.
  app.use('*', hostSession(secret));

  app.get('/', (c) => {
    const user = c.get('hostUser');
    return c.html(
      page('首页', html`<h1>示例门户</h1>
        ${user ? html`<p data-testid="host-user">您好，${user.displayName}。</p>` : html`<p><a href="/login">登录</a></p>`}
        <ul><li><a href="${BASE_PATH}/" data-testid="open-shenfa">政务信息发布审核（审发）</a></li><li><a href="${BASE_PATH}/public">政府信息公开目录</a></li></ul>
        ${user ? html`<form method="post" action="/logout"><button type="submit">退出</button></form>` : ''}`),
    );
  });

  // Browsers ask every origin for one; the example has none (nor does Shenfa), so: nothing, not a 404.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/login', (c) =>
    c.html(
      page('登录', html`<h1>登录示例门户</h1>
        <form method="post" action="/login">
          <label>用户 <select name="username">${Object.values(HOST_PEOPLE).map((p) => html`<option value="${p.username}">${p.displayName}（${p.username}）</option>`)}</select></label>
          <button type="submit">登录</button>
        </form>`),
    ),
  );

  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const name = typeof form.username === 'string' ? form.username : '';
    if (!HOST_PEOPLE[name]) return c.html(page('登录', html`<p>没有这个用户</p>`), 400);
    await setSignedCookie(c, COOKIE, name, secret, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return c.redirect('/');
  });

  app.post('/logout', (c) => {
    deleteCookie(c, COOKIE, { path: '/' });
    return c.redirect('/');
  });

  // Shenfa: its staff app, API and public catalog, all under /disclosure.
  app.route(shenfa.basePath, shenfa.app);

  return { app, shenfa, close: () => shenfa.close() };
}
