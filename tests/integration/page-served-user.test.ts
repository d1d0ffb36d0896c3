/**
 * The staff app's page says who it was served for, as `auth.me` answers
 * (server/http/static-client.ts), so the app's first request is the page's own data instead
 * of `auth.me`. Over real HTTP on a real database: the answer equals auth.me's, a visitor gets
 * null, no cache keeps the page, no name can break out of the <script> element, and serving
 * the page slides the session's expiry and re-sends its cookie as any call does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedIn } from '../support/api-client';
import { SESSION_IDLE_MS } from '../../server/services/session-service';

let clock = Date.parse('2026-11-25T09:00:00+08:00');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

/** The JSON the page carries for the app, or undefined when it carries none. */
function servedUser(page: string): unknown {
  const json = /<script type="application\/json" id="shenfa-me">(.*?)<\/script>/s.exec(page)?.[1];
  return json === undefined ? undefined : JSON.parse(json);
}

describe('the staff page names who it is for', () => {
  it('as auth.me answers, on every client route, and never for a cache', async () => {
    const drafter = await signedIn(server.url, 'drafter');
    const me = await drafter.trpc.auth.me.query();
    expect(me?.username).toBe('drafter');
    for (const route of ['/', '/documents/123', '/admin/workflows']) {
      const page = await drafter.fetch(route);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(servedUser(await page.text())).toEqual(me);
    }
  });

  it('says nobody to a visitor, and to a session that has ended', async () => {
    const visitor = await fetch(`${server.url}/`);
    expect(servedUser(await visitor.text())).toBeNull();
    const ended = await signedIn(server.url, 'secrecy');
    await ended.trpc.auth.logout.mutate();
    ended.cookie = `shenfa_session=${'a'.repeat(40)}`;
    expect(servedUser(await (await ended.fetch('/')).text())).toBeNull();
  });

  it('keeps any name inside its <script> element', async () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028';
    await server.services.database.client.execute({ sql: "UPDATE users SET display_name = ? WHERE username = 'stats'", args: [hostile] });
    const stats = await signedIn(server.url, 'stats');
    const page = await (await stats.fetch('/')).text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page.match(/<\/script>/g)?.length).toBe((await (await fetch(`${server.url}/`)).text()).match(/<\/script>/g)?.length);
    expect((servedUser(page) as { displayName: string }).displayName).toBe(hostile);
  });

  it('slides the session as any call does: past half of the idle time the page re-sends the cookie', async () => {
    const client = await signedIn(server.url, 'leader');
    const signedInAt = clock;
    clock = signedInAt + 60 * 1000;
    expect((await client.fetch('/')).headers.get('set-cookie')).toBeNull();
    clock = signedInAt + SESSION_IDLE_MS / 2 + 60 * 1000;
    const page = await client.fetch('/');
    expect(page.headers.get('set-cookie')).toMatch(/^shenfa_session=[a-z0-9]+;.*HttpOnly/i);
    expect((servedUser(await page.text()) as { username: string }).username).toBe('leader');
    // Still the same session afterwards, now good for the whole idle time from here.
    clock += SESSION_IDLE_MS - 60 * 1000;
    expect((await client.trpc.auth.me.query())?.username).toBe('leader');
  });

  it('links its icon, a file, so a browser does not ask for /favicon.ico and get the page again', async () => {
    const page = await (await fetch(`${server.url}/documents/7`)).text();
    expect(page).toContain('<link rel="icon" type="image/svg+xml" href="./favicon.svg" />');
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });
});
