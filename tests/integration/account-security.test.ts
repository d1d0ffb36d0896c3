/**
 * Account security: sign out everywhere, admin disables a user (their sessions end at
 * once), role change ends the user's sessions, password change needs the current password,
 * obeys the shared rules and ends the other sessions. Each leaves an audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { apiClient, failure, signedIn, type ApiClient } from '../support/api-client';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server.url, 'admin');
});
afterAll(() => server.close());

async function auditCount(action: string): Promise<number> {
  const r = await server.services.database.client.execute({ sql: 'SELECT count(*) AS n FROM audit_log WHERE action = ?', args: [action] });
  return Number(r.rows[0]!.n);
}
async function sessionCount(username: string): Promise<number> {
  const r = await server.services.database.client.execute({ sql: 'SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?', args: [username] });
  return Number(r.rows[0]!.n);
}
async function userIdOf(username: string): Promise<string> {
  return (await admin.trpc.users.list.query()).find((u) => u.username === username)!.id;
}
/** A plain request with the client's cookie: the HTTP status the next request of that browser gets. */
async function statusOf(client: ApiClient): Promise<number> {
  return (await client.fetch('/api/trpc/review.inbox')).status;
}

describe('sign out everywhere', () => {
  it('ends every session of the user, the caller\'s own included, and not other users\'', async () => {
    const laptop = await signedIn(server.url, 'stats');
    const phone = await signedIn(server.url, 'stats');
    const colleague = await signedIn(server.url, 'legal');
    const phoneCookie = phone.cookie;
    expect(await sessionCount('stats')).toBe(2);
    const before = await auditCount('session.signed_out_everywhere');
    expect(await laptop.trpc.auth.signOutEverywhere.mutate()).toEqual({ ended: 2 });
    expect(laptop.cookie).toBe('');
    expect(await phone.trpc.auth.me.query()).toBeNull();
    const stale = apiClient(server.url);
    stale.cookie = phoneCookie;
    expect(await statusOf(stale)).toBe(401);
    expect(await sessionCount('stats')).toBe(0);
    expect((await colleague.trpc.auth.me.query())?.username).toBe('legal');
    expect(await auditCount('session.signed_out_everywhere')).toBe(before + 1);
  });
});

describe('admin disables a user', () => {
  it('ends the user\'s sessions at once (next request 401), refuses their sign-in, and enabling lets them back', async () => {
    const secrecy = await signedIn(server.url, 'secrecy');
    expect(await statusOf(secrecy)).toBe(200);
    const id = await userIdOf('secrecy');
    await admin.trpc.users.setDisabled.mutate({ userId: id, disabled: true });
    expect(await statusOf(secrecy)).toBe(401);
    expect(await sessionCount('secrecy')).toBe(0);
    expect((await admin.trpc.users.list.query()).find((u) => u.id === id)?.disabled).toBe(true);
    expect((await failure(apiClient(server.url).trpc.auth.login.mutate({ username: 'secrecy', password: TEST_PASSWORD }))).code).toBe('UNAUTHORIZED');
    expect(await auditCount('user.disabled')).toBe(1);
    await admin.trpc.users.setDisabled.mutate({ userId: id, disabled: false });
    expect(await auditCount('user.enabled')).toBe(1);
    expect((await (await signedIn(server.url, 'secrecy')).trpc.auth.me.query())?.username).toBe('secrecy');
  });

  it('refuses to let an admin disable themselves, and refuses everyone but admins', async () => {
    const self = await failure(admin.trpc.users.setDisabled.mutate({ userId: await userIdOf('admin'), disabled: true }));
    expect(self).toEqual({ code: 'BAD_REQUEST', message: '不能停用自己的账号' });
    const leader = await signedIn(server.url, 'leader');
    expect((await failure(leader.trpc.users.setDisabled.mutate({ userId: await userIdOf('drafter'), disabled: true }))).code).toBe('FORBIDDEN');
    expect((await failure(leader.trpc.users.list.query())).code).toBe('FORBIDDEN');
    expect((await failure(admin.trpc.users.setDisabled.mutate({ userId: 'no-such-user', disabled: true }))).code).toBe('NOT_FOUND');
  });
});

describe('role change rotates sessions', () => {
  it('ends every session of the user, so no token issued under the old roles works; the new sign-in carries the new roles', async () => {
    const before = await signedIn(server.url, 'publisher');
    const id = await userIdOf('publisher');
    await admin.trpc.users.setRoles.mutate({ userId: id, roles: ['publisher', 'drafter'] });
    expect(await statusOf(before)).toBe(401);
    const after = await signedIn(server.url, 'publisher');
    expect((await after.trpc.auth.me.query())?.roles.sort()).toEqual(['drafter', 'publisher']);
    const audit = await server.services.database.client.execute("SELECT detail FROM audit_log WHERE action = 'user.roles_changed'");
    expect(JSON.parse(String(audit.rows[0]!.detail))).toMatchObject({ from: ['publisher'], to: ['drafter', 'publisher'] });
    // Setting the same roles again changes nothing and ends nothing.
    await admin.trpc.users.setRoles.mutate({ userId: id, roles: ['drafter', 'publisher'] });
    expect(await statusOf(after)).toBe(200);
    await admin.trpc.users.setRoles.mutate({ userId: id, roles: ['publisher'] });
    expect((await failure(admin.trpc.users.setRoles.mutate({ userId: await userIdOf('admin'), roles: ['drafter'] }))).message).toBe('不能取消自己的管理员角色');
    expect((await failure(admin.trpc.users.setRoles.mutate({ userId: id, roles: [] }))).code).toBe('BAD_REQUEST');
  });
});

describe('password change', () => {
  it('needs the current password, applies the rules, keeps this session and ends the others', async () => {
    const here = await signedIn(server.url, 'director');
    const elsewhere = await signedIn(server.url, 'director');
    const wrong = await failure(here.trpc.auth.changePassword.mutate({ currentPassword: 'not-my-password', newPassword: '清源市民政局新密码2026' }));
    expect(wrong).toEqual({ code: 'BAD_REQUEST', message: '「当前密码」不正确' });
    for (const [newPassword, message] of [
      ['short-1', '「新密码」至少 10 位'],
      ['director-2026!', '「新密码」不能包含用户名'],
      ['password123', '「新密码」过于常见，请换一个'],
      [TEST_PASSWORD, '「新密码」不能与当前密码相同'],
    ] as const) {
      expect(await failure(here.trpc.auth.changePassword.mutate({ currentPassword: TEST_PASSWORD, newPassword })), newPassword).toEqual({ code: 'BAD_REQUEST', message });
    }
    expect(await auditCount('user.password_changed')).toBe(0);
    expect(await statusOf(elsewhere)).toBe(200);
    await here.trpc.auth.changePassword.mutate({ currentPassword: TEST_PASSWORD, newPassword: '清源市民政局新密码2026' });
    expect(await statusOf(here)).toBe(200);
    expect(await statusOf(elsewhere)).toBe(401);
    expect(await auditCount('user.password_changed')).toBe(1);
    expect((await failure(apiClient(server.url).trpc.auth.login.mutate({ username: 'director', password: TEST_PASSWORD }))).code).toBe('UNAUTHORIZED');
    await signedIn(server.url, 'director', '清源市民政局新密码2026');
  });
});
