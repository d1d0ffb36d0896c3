import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { apiClient, failure, signedIn } from '../support/api-client';
import { sessionIdFromToken } from '../../server/auth/session-token';
import { SESSION_IDLE_MS } from '../../server/services/session-service';

let clock = Date.parse('2026-11-02T09:00:00+08:00');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

describe('sign-in throttling, kept in the database', () => {
  it('locks an account after 5 failures in 15 minutes, even for the right password, and not its neighbours', async () => {
    const client = apiClient(server.url);
    for (let i = 0; i < 5; i++) expect((await failure(client.trpc.auth.login.mutate({ username: 'stats', password: `wrong-${i}` }))).code).toBe('UNAUTHORIZED');
    const locked = await failure(client.trpc.auth.login.mutate({ username: 'stats', password: TEST_PASSWORD }));
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.message).toMatch(/登录失败次数过多，请 \d+ 分钟后再试/);
    await signedIn(server.url, 'secrecy');
    const rows = await server.services.database.client.execute("SELECT failures FROM login_attempts WHERE key = 'user:stats'");
    expect(Number(rows.rows[0]!.failures)).toBe(5);
    const audit = await server.services.database.client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'session.sign_in_failed'");
    expect(Number(audit.rows[0]!.n)).toBe(5);
    clock += 16 * 60 * 1000;
    await signedIn(server.url, 'stats');
  });
});

describe('sessions', () => {
  it('end 7 days after sign-in however busy, and 8 hours after last use', async () => {
    const client = await signedIn(server.url, 'drafter');
    // Used every 3 hours (the idle limit never bites) for 6 days 21 hours: still signed in…
    for (let step = 0; step < 55; step++) {
      clock += 3 * 60 * 60 * 1000;
      expect((await client.trpc.auth.me.query())?.username).toBe('drafter');
    }
    // …and at 7 days it ends all the same.
    clock += 3 * 60 * 60 * 1000;
    expect(await client.trpc.auth.me.query()).toBeNull();
    const idle = await signedIn(server.url, 'drafter');
    clock += 8 * 60 * 60 * 1000 + 1000;
    expect(await idle.trpc.auth.me.query()).toBeNull();
  });

  it('slide their expiry only once less than half of the idle time is left, not on every request', async () => {
    const client = await signedIn(server.url, 'drafter');
    const sessionId = sessionIdFromToken(client.cookie.split('=')[1]!);
    const expiresAt = async () => Number((await server.services.database.client.execute({ sql: 'SELECT expires_at FROM sessions WHERE id = ?', args: [sessionId] })).rows[0]!.expires_at);
    const me = () => client.fetch('/api/trpc/auth.me');
    const signedInAt = clock;
    const first = await expiresAt();
    expect(first).toBe(signedInAt + SESSION_IDLE_MS);
    // Within the first half of the idle time: no write, no new cookie.
    for (const minutes of [1, 60, 3 * 60, 4 * 60 - 1]) {
      clock = signedInAt + minutes * 60 * 1000;
      const answer = await me();
      expect(answer.status).toBe(200);
      expect(answer.headers.get('set-cookie')).toBeNull();
      expect(await expiresAt()).toBe(first);
    }
    // Past it: the expiry moves to 8 hours from now and the cookie is sent again with it.
    clock = signedInAt + 4 * 60 * 60 * 1000 + 60 * 1000;
    const refreshed = await me();
    expect(refreshed.headers.get('set-cookie')).toMatch(/^shenfa_session=[a-z0-9]+;/);
    expect(await expiresAt()).toBe(clock + SESSION_IDLE_MS);
    expect((await (await me()).json()).result.data.username).toBe('drafter');
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated mutation from another origin and accepts one from this origin', async () => {
    const client = await signedIn(server.url, 'drafter');
    const post = (origin: string) =>
      client.fetch('/api/trpc/auth.logout', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    const evil = await post('https://evil.example');
    expect(evil.status).toBe(403);
    expect(await evil.json()).toEqual({ error: { code: 'FORBIDDEN', message: '拒绝跨站请求' } });
    expect((await client.trpc.auth.me.query())?.username).toBe('drafter');
    expect((await post('null')).status).toBe(403);
    expect((await post(server.url)).status).toBe(200);
  });
});
