/**
 * Shenfa embedded in a host Hono application: the example host (examples/host-app) on a real
 * port over a real libsql file, with Shenfa mounted under /disclosure and trusting the host's
 * signed-in user. Also: own sign-in under a base path (cookie Path, links).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { createHostApp, type HostApp } from '../../examples/host-app/host-app';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createShenfa, type HostUser, type Shenfa } from '../../server/index';
import type { AppRouter } from '../../server/routers/index';
import { seedDemoBureau } from '../../server/seed/seed-demo';
import { auditLog } from '../../server/db/schema/index';
import { apiClient, failure, type ApiClient } from '../support/api-client';
import { TEST_PASSWORD } from '../support/test-server';

async function listen(fetchHandler: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; url: string }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const stop = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Every href/src/action of a page that is not a fragment. */
function linksOf(page: string): string[] {
  return [...page.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!).filter((l) => !l.startsWith('#'));
}

describe('Shenfa embedded in the example host with host sign-in', () => {
  let dir: string;
  let host: HostApp;
  let server: ServerType;
  let url: string;
  let shenfaUrl: string;

  /** Signs in to the host (its own fake sign-in) and returns a Shenfa tRPC client that carries the host's cookie. */
  async function asHostUser(username: string): Promise<ApiClient> {
    const response = await fetch(`${url}/login`, { method: 'POST', body: new URLSearchParams({ username }), redirect: 'manual' });
    expect(response.status).toBe(302);
    const client = apiClient(shenfaUrl);
    client.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    return client;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-embed-'));
    host = await createHostApp({
      databaseUrl: `file:${path.join(dir, 'shenfa.db')}`,
      settings: { dataDir: dir, clientDir: path.resolve('dist/client') },
      scheduler: false,
    });
    await seedDemoBureau(host.shenfa.services, TEST_PASSWORD);
    ({ server, url } = await listen(host.app.fetch));
    shenfaUrl = `${url}/disclosure`;
  });

  afterAll(async () => {
    await stop(server);
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers under /disclosure and not at the root, where the host keeps its own pages', async () => {
    const app = await fetch(`${url}/disclosure/`);
    expect(app.status).toBe(200);
    const shell = await app.text();
    expect(shell).toContain('<base href="/disclosure/">');
    expect(shell).toContain('<meta name="shenfa-sign-in" content="host">');
    // The client's own route, and its assets through the base path.
    const deep = await fetch(`${url}/disclosure/documents/123`);
    expect(deep.status).toBe(200);
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(shell)?.[1];
    expect(asset).toBeTruthy();
    expect((await fetch(`${url}/disclosure/${asset}`)).status).toBe(200);
    expect((await fetch(`${url}/disclosure/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/disclosure/public`)).status).toBe(200);

    // Nothing of Shenfa at the host's root.
    for (const p of ['/public', '/api/trpc/auth.me', '/healthz', `/${asset}`]) expect((await fetch(`${url}${p}`)).status, p).toBe(404);
    // The host's own routes still work.
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('示例门户');
    expect((await fetch(`${url}/login`)).status).toBe(200);
  });

  it('lets a host-signed-in user call tRPC under the base path; refuses an anonymous one with 401', async () => {
    const anonymous = apiClient(shenfaUrl);
    expect(await anonymous.trpc.auth.me.query()).toBeNull();
    expect(await failure(anonymous.trpc.documents.mine.query())).toEqual({ code: 'UNAUTHORIZED', message: '请先登录' });
    const raw = await fetch(`${shenfaUrl}/api/trpc/documents.mine`);
    expect(raw.status).toBe(401);

    const drafter = await asHostUser('zhang.min');
    const me = await drafter.trpc.auth.me.query();
    expect(me).toMatchObject({ username: 'zhang.min', displayName: '张敏', roles: ['drafter'], department: { code: 'assistance' } });
    expect(await drafter.trpc.documents.mine.query()).toEqual([]);
    // Provisioned once, with its audit row on the chain; a second request does not provision again.
    await drafter.trpc.auth.me.query();
    const rows = await host.shenfa.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.provisioned_from_host'));
    expect(rows.filter((r) => JSON.stringify(r.detail).includes('zhang.min'))).toHaveLength(1);
  });

  it("names the host's signed-in user in the staff page, and says nothing when the host names nobody", async () => {
    const served = (page: string) => /<script type="application\/json" id="shenfa-me">(.*?)<\/script>/.exec(page)?.[1];
    const drafter = await asHostUser('zhang.min');
    const page = await (await drafter.fetch('/documents/7')).text();
    expect(JSON.parse(served(page)!)).toEqual(await drafter.trpc.auth.me.query());
    // The host may identify its users on the API's paths alone: its "nobody" for the page is not
    // taken as signed out; the app asks auth.me as before.
    expect(served(await (await fetch(`${shenfaUrl}/`)).text())).toBeUndefined();
  });

  it('refuses with 403 what the host user\'s roles do not allow, exactly as with own sign-in', async () => {
    const drafter = await asHostUser('zhang.min');
    expect(await failure(drafter.trpc.users.list.query())).toMatchObject({ code: 'FORBIDDEN' });
    const raw = await drafter.fetch('/api/trpc/users.list');
    expect(raw.status).toBe(403);
    const guest = await asHostUser('guest.qian');
    expect((await guest.trpc.auth.me.query())?.roles).toEqual([]);
    expect(await failure(guest.trpc.users.list.query())).toMatchObject({ code: 'FORBIDDEN' });
    // The host's admin is Shenfa's admin.
    const admin = await asHostUser('wu.lei');
    expect((await admin.trpc.users.list.query()).map((u) => u.username)).toContain('zhang.min');
  });

  it('leaves passwords and sessions to the host: Shenfa\'s sign-in and sign-out refuse', async () => {
    const anonymous = apiClient(shenfaUrl);
    expect(await failure(anonymous.trpc.auth.login.mutate({ username: 'admin', password: TEST_PASSWORD }))).toEqual({
      code: 'FORBIDDEN',
      message: '登录、退出和密码由所在系统统一管理，请在该系统中操作',
    });
    const drafter = await asHostUser('zhang.min');
    expect(await failure(drafter.trpc.auth.logout.mutate())).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(drafter.trpc.auth.changePassword.mutate({ currentPassword: 'x', newPassword: 'y-long-enough-2026' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await drafter.trpc.auth.me.query())?.username).toBe('zhang.min');
  });

  it('serves the public catalog with every link under /disclosure/', async () => {
    const catalog = await (await fetch(`${shenfaUrl}/public`)).text();
    const links = linksOf(catalog);
    expect(links.filter((l) => l.includes('/public/documents/')).length).toBeGreaterThan(0);
    for (const link of links) expect(link, link).toMatch(/^\/disclosure\//);
    const first = links.find((l) => l.includes('/public/documents/'))!;
    const documentPage = await fetch(`${url}${first}`);
    expect(documentPage.status).toBe(200);
    for (const link of linksOf(await documentPage.text())) expect(link, link).toMatch(/^(\/disclosure\/|https?:)/);
    for (const p of ['/public/search?q=%E4%BD%8E%E4%BF%9D', '/public/apply', '/public/no-such-page']) {
      for (const link of linksOf(await (await fetch(`${shenfaUrl}${p}`)).text())) expect(link, `${p}: ${link}`).toMatch(/^\/disclosure\//);
    }
    const css = await fetch(`${shenfaUrl}/public/assets/catalog.css`);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('gives absolute URLs with the base path in the feed, sitemap and OpenAPI document', async () => {
    const feed = await (await fetch(`${shenfaUrl}/public/feed.atom`)).text();
    const feedUrls = [...feed.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(feedUrls.length).toBeGreaterThan(1);
    for (const u of feedUrls) expect(u).toMatch(new RegExp(`^${shenfaUrl}/public`));
    const sitemap = await (await fetch(`${shenfaUrl}/sitemap.xml`)).text();
    for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) expect(loc).toMatch(new RegExp(`^${shenfaUrl}/public(/|\\?|$)`));
    const openapi = (await (await fetch(`${shenfaUrl}/public/api/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(openapi.servers[0]!.url).toBe(shenfaUrl);
    const documents = (await (await fetch(`${shenfaUrl}/public/api/documents`)).json()) as { items: { url: string }[] };
    expect(documents.items[0]!.url).toMatch(new RegExp(`^${shenfaUrl}/public/documents/`));
  });
});

describe('Shenfa with its own sign-in under a base path', () => {
  let dir: string;
  let shenfa: Shenfa;
  let server: ServerType;
  let url: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-embed-own-'));
    shenfa = await createShenfa({ databaseUrl: `file:${path.join(dir, 'shenfa.db')}`, dataDir: dir, clientDir: path.resolve('dist/client'), basePath: '/gov/disclosure/', scheduler: false });
    await seedDemoBureau(shenfa.services, TEST_PASSWORD);
    const host = new Hono().get('/', (c) => c.text('host home')).route(shenfa.basePath, shenfa.app);
    ({ server, url } = await listen(host.fetch));
  });

  afterAll(async () => {
    await stop(server);
    await shenfa.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scopes the session cookie to the base path and works through it', async () => {
    expect(shenfa.basePath).toBe('/gov/disclosure');
    const response = await fetch(`${url}/gov/disclosure/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'drafter', password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/Path=\/gov\/disclosure(;|$)/);
    const client = apiClient(`${url}/gov/disclosure`);
    client.cookie = cookie.split(';')[0]!;
    expect((await client.trpc.auth.me.query())?.username).toBe('drafter');
    expect(await (await fetch(`${url}/gov/disclosure/`)).text()).toContain('<meta name="shenfa-sign-in" content="own">');
    expect(await (await fetch(`${url}/`)).text()).toBe('host home');
  });

  it('refuses a base path that is not a plain path', async () => {
    await expect(createShenfa({ databaseUrl: `file:${path.join(dir, 'other.db')}`, basePath: '/a"><script>' })).rejects.toThrow(/basePath 无效/);
  });
});

describe('host users: provisioning and roles', () => {
  let dir: string;
  let shenfa: Shenfa;
  let server: ServerType;
  let url: string;
  /** The host's directory, changed by the tests; the request names its user in a header the host trusts. */
  const directory = new Map<string, HostUser>();
  const as = (username: string) => ({ trpc: apiClientWithHeader(`${url}/x`, username) });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-embed-users-'));
    shenfa = await createShenfa({
      databaseUrl: `file:${path.join(dir, 'shenfa.db')}`,
      dataDir: dir,
      clientDir: path.resolve('dist/client'),
      basePath: '/x',
      scheduler: false,
      auth: { mode: 'host', resolveUser: (c) => directory.get(c.req.header('x-host-user') ?? '') ?? null, defaultRoles: ['drafter'] },
    });
    ({ server, url } = await listen(new Hono().route(shenfa.basePath, shenfa.app).fetch));
  });

  afterAll(async () => {
    await stop(server);
    await shenfa.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('provisions a person once even when their first requests arrive together, in a department made for them', async () => {
    directory.set('he.ping', { username: 'he.ping', displayName: '何平', roles: ['legal'], department: { code: 'law', name: '法规科' } });
    const answers = await Promise.all(Array.from({ length: 6 }, () => as('he.ping').trpc.auth.me.query()));
    expect(new Set(answers.map((a) => a?.id)).size).toBe(1);
    expect(answers[0]).toMatchObject({ displayName: '何平', roles: ['legal'], department: { code: 'law', name: '法规科' } });
    const rows = await shenfa.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.provisioned_from_host'));
    expect(rows).toHaveLength(1);
  });

  it('follows roles the host manages on the next request, with an audit row', async () => {
    directory.set('he.ping', { ...directory.get('he.ping')!, roles: ['legal', 'admin', 'no-such-role'] });
    expect((await as('he.ping').trpc.auth.me.query())?.roles).toEqual(['admin', 'legal']);
    directory.set('he.ping', { ...directory.get('he.ping')!, roles: [] });
    expect((await as('he.ping').trpc.auth.me.query())?.roles).toEqual([]);
    expect(await failure(as('he.ping').trpc.users.list.query())).toMatchObject({ code: 'FORBIDDEN' });
    const changes = await shenfa.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.roles_changed'));
    expect(changes).toHaveLength(2);
  });

  it('gives a person without host roles the default roles, which Shenfa\'s admin then manages', async () => {
    directory.set('boss', { username: 'boss', roles: ['admin'] });
    directory.set('new.one', { username: 'new.one' });
    const me = await as('new.one').trpc.auth.me.query();
    expect(me).toMatchObject({ displayName: 'new.one', roles: ['drafter'], department: { code: 'unassigned', name: '未分配科室' } });
    await as('boss').trpc.users.setRoles.mutate({ userId: me!.id, roles: ['drafter', 'stats'] });
    expect((await as('new.one').trpc.auth.me.query())?.roles).toEqual(['drafter', 'stats']);
    // Disabled in Shenfa: the host cannot sign them in.
    await as('boss').trpc.users.setDisabled.mutate({ userId: me!.id, disabled: true });
    expect(await failure(as('new.one').trpc.documents.mine.query())).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

/** A tRPC client whose every request carries the header the test host trusts. */
function apiClientWithHeader(baseUrl: string, username: string) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/api/trpc`, headers: { 'x-host-user': username } })] });
}
