/**
 * Operations: every request gets an id (the caller's X-Request-Id or a new one) returned in
 * the response and written on one structured log line (method, path, status, ms, user id);
 * tokens, passwords and document text never reach the log; a 500 answers with the request
 * id only, while the log has the error. A bad environment variable stops the start with a
 * clear message.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogDestination } from '../../server/log';
import { ConfigError, readConfig } from '../../server/config';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { signedIn } from '../support/api-client';
import { runTsScript } from '../support/run-cli';
import { categoryId, draftInput } from '../support/draft-input';

const lines: Record<string, unknown>[] = [];
let server: TestServer;

beforeAll(async () => {
  setLogDestination(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  );
  server = await startTestServer();
});
afterAll(() => server.close());

const logText = () => JSON.stringify(lines);

describe('structured request logs', () => {
  it('keeps the caller\'s X-Request-Id, returns it, and logs one line per request with who and how long', async () => {
    const drafter = await signedIn(server.url, 'drafter');
    const response = await drafter.fetch('/api/trpc/review.inbox', { headers: { 'x-request-id': 'proxy-42.abc' } });
    expect(response.headers.get('x-request-id')).toBe('proxy-42.abc');
    const line = lines.find((l) => l.requestId === 'proxy-42.abc');
    expect(line).toMatchObject({ level: 30, msg: 'request', method: 'GET', path: '/api/trpc/review.inbox', status: 200, service: 'shenfa' });
    expect(typeof line!.ms).toBe('number');
    expect(line!.userId).toMatch(/^[0-9a-f-]{36}$/);
    // An id that is not a plain token is replaced by a fresh one.
    const odd = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'a b <script>' + 'x'.repeat(200) } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${server.url}/public`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never writes a password, a session token or document text to the log', async () => {
    const drafter = await signedIn(server.url, 'drafter');
    const token = drafter.cookie.split('=')[1]!;
    const secretText = '本段为日志泄露探针文字，绝不应出现在日志中';
    const created = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title: '日志探针标题', body: `${secretText}\n\n正文。` }));
    await drafter.trpc.documents.get.query({ id: created.id });
    const text = logText();
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(token);
    expect(text).not.toContain(secretText);
    expect(text).not.toContain('日志探针标题');
    expect(text).not.toMatch(/shenfa_session=/);
    expect(lines.some((l) => l.path === '/api/trpc/auth.login' && l.status === 200)).toBe(true);
  });

  it('answers a 500 with the request id only, and logs the error under that id', async () => {
    const admin = await signedIn(server.url, 'admin');
    // Break the database under a running server: the next read of notifications fails inside.
    await server.services.database.client.execute('ALTER TABLE notifications RENAME TO notifications_gone');
    try {
      const response = await admin.fetch('/api/trpc/notifications.list', { headers: { 'x-request-id': 'broken-1' } });
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(JSON.parse(body).error.message).toBe('服务器内部错误，请稍后重试（请求编号 broken-1）');
      expect(body).not.toMatch(/no such table|SQLITE|notifications_gone|\bat \S+:\d+|node_modules/);
      const logged = lines.find((l) => l.requestId === 'broken-1' && l.msg === 'procedure failed') as { err?: { message?: string; stack?: string } } | undefined;
      expect(logged?.err?.stack).toBeTruthy();
      expect(lines.find((l) => l.requestId === 'broken-1' && l.msg === 'request failed')).toMatchObject({ status: 500, level: 50 });
    } finally {
      await server.services.database.client.execute('ALTER TABLE notifications_gone RENAME TO notifications');
    }
  });
});

describe('configuration from the environment, checked at start', () => {
  it.each([
    [{ PORT: 'abc' }, /^PORT 无效：应为 0–65535 的整数，当前为「abc」$/],
    [{ PORT: '70000' }, /^PORT 无效/],
    [{ DATABASE_URL: 'postgres://x' }, /^DATABASE_URL 无效：应以 file:/],
    [{ SHENFA_SECURE_COOKIES: 'maybe' }, /^SHENFA_SECURE_COOKIES 无效/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL 无效/],
    [{ HOST: 'bad host' }, /^HOST 无效/],
  ])('%o is refused with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it('accepts the documented defaults', () => {
    expect(readConfig({}).port).toBe(3000);
    expect(readConfig({ SHENFA_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('stops the real server at start on a bad value, with the message and no stack trace', async () => {
    const { code, output } = await runTsScript('server/main.ts', [], { env: { PORT: 'abc', DATABASE_URL: 'file:/tmp/shenfa-never-created/x.db' } });
    expect(code).toBe(1);
    expect(output).toContain('启动失败：PORT 无效：应为 0–65535 的整数，当前为「abc」');
    expect(output).not.toMatch(/\bat \S+:\d+/);
  }, 60_000);
});
