/**
 * Embedded replica configuration (docs/deploy.md): DATABASE_SYNC_URL, DATABASE_AUTH_TOKEN and
 * DATABASE_SYNC_INTERVAL are checked at start (a bad value stops it with a message naming the
 * variable), and a good value reaches the `libsql` driver: opening the database syncs from the
 * primary at that URL with that token. No sqld runs here, so the "primary" is a stand-in HTTP
 * server in its own process that records what the driver asks and answers 404; the driver's
 * first call (GET /info with the bearer token) proves the options arrived, and a primary that
 * does not answer as one stops the start. Replication against a real sqld is not tested here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SYNC_INTERVAL_SECONDS, readConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { runCli, runTsScript } from '../support/run-cli';

const PRIMARY = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  console.log(JSON.stringify({ method: req.method, url: req.url, authorization: req.headers.authorization ?? null }));
  res.statusCode = 404;
  res.end('not a primary');
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
`;

let primary: ChildProcess;
let primaryUrl: string;
const asked: { method: string; url: string; authorization: string | null }[] = [];
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-replica-'));
  // Its own process: opening a replica blocks this one's event loop while the driver waits for the primary.
  primary = spawn(process.execPath, ['-e', PRIMARY], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: primary.stdout! });
  const port = await new Promise<number>((resolve) => lines.once('line', (line) => resolve(JSON.parse(line).port)));
  lines.on('line', (line) => asked.push(JSON.parse(line)));
  primaryUrl = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  primary?.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded replica configuration', () => {
  it('reads the sync URL, token and interval', () => {
    expect(readConfig({}).databaseSync).toBeUndefined();
    expect(readConfig({ DATABASE_URL: 'file:data/replica.db', DATABASE_SYNC_URL: 'libsql://shenfa-bureau.turso.io', DATABASE_AUTH_TOKEN: 'eyJhbGciOi.x.y' }).databaseSync).toEqual({
      url: 'libsql://shenfa-bureau.turso.io',
      authToken: 'eyJhbGciOi.x.y',
      periodSeconds: DEFAULT_SYNC_INTERVAL_SECONDS,
    });
    expect(readConfig({ DATABASE_SYNC_URL: 'http://10.0.0.5:8080', DATABASE_SYNC_INTERVAL: '15' }).databaseSync).toEqual({ url: 'http://10.0.0.5:8080', authToken: undefined, periodSeconds: 15 });
  });

  it.each([
    [{ DATABASE_SYNC_URL: 'ftp://primary' }, /^DATABASE_SYNC_URL 无效：应为主库地址/],
    [{ DATABASE_SYNC_URL: 'libsql://' }, /^DATABASE_SYNC_URL 无效/],
    [{ DATABASE_SYNC_URL: 'libsql://a b' }, /^DATABASE_SYNC_URL 无效/],
    [{ DATABASE_SYNC_URL: 'libsql://primary', DATABASE_URL: 'libsql://elsewhere' }, /^DATABASE_SYNC_URL 需要本地副本文件/],
    [{ DATABASE_SYNC_URL: 'libsql://primary', DATABASE_URL: 'file::memory:' }, /^DATABASE_SYNC_URL 需要本地副本文件/],
    [{ DATABASE_SYNC_URL: 'libsql://primary', DATABASE_SYNC_INTERVAL: '0' }, /^DATABASE_SYNC_INTERVAL 无效：应为 1–86400 之间的秒数，当前为「0」$/],
    [{ DATABASE_SYNC_URL: 'libsql://primary', DATABASE_SYNC_INTERVAL: 'often' }, /^DATABASE_SYNC_INTERVAL 无效/],
    [{ DATABASE_SYNC_URL: 'libsql://primary', DATABASE_SYNC_INTERVAL: '100000' }, /^DATABASE_SYNC_INTERVAL 无效/],
    [{ DATABASE_SYNC_INTERVAL: '30' }, /^DATABASE_SYNC_INTERVAL 无效：只在设置了 DATABASE_SYNC_URL/],
    [{ DATABASE_SYNC_URL: 'libsql://primary', DATABASE_AUTH_TOKEN: ' ' }, /^DATABASE_AUTH_TOKEN 无效/],
    [{ DATABASE_SYNC_URL: 'libsql://primary', DATABASE_AUTH_TOKEN: 'two words' }, /^DATABASE_AUTH_TOKEN 无效/],
  ])('%o is refused with a message naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it('never prints the password in a sync URL it refuses', () => {
    expect(() => readConfig({ DATABASE_SYNC_URL: 'libsql://user:s3cret@primary', DATABASE_URL: 'libsql://elsewhere' })).toThrow(/^(?!.*s3cret)/);
  });

  it('a bad value stops the real server at start, with the message and no stack trace', async () => {
    const { code, output } = await runTsScript('server/main.ts', [], { env: { PORT: '0', DATABASE_URL: `file:${path.join(dir, 'never.db')}`, DATABASE_SYNC_URL: 'libsql://primary', DATABASE_SYNC_INTERVAL: 'often' } });
    expect(code).toBe(1);
    expect(output).toContain('启动失败：DATABASE_SYNC_INTERVAL 无效：应为 1–86400 之间的秒数，当前为「often」');
    expect(output).not.toMatch(/\bat \S+:\d+/);
    expect(fs.existsSync(path.join(dir, 'never.db'))).toBe(false);
  }, 60_000);

  it('the sync URL and token reach the driver: opening syncs from the primary, and a primary that fails stops the open', async () => {
    asked.length = 0;
    const opening = openDatabase(`file:${path.join(dir, 'replica.db')}`, undefined, { url: primaryUrl, authToken: 'replica-token-7', periodSeconds: 30 });
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(`无法从主库同步嵌入式副本（DATABASE_SYNC_URL=${primaryUrl}）`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the stand-in's last lines
    expect(asked[0]).toEqual({ method: 'GET', url: '/info', authorization: 'Bearer replica-token-7' });
    // The replica protocol follows (handshake with the primary), not a plain file open.
    expect(asked.some((a) => a.url.includes('ReplicationLog'))).toBe(true);
  }, 60_000);

  it('restore refuses to replace a replica\'s file (the primary is backed up and restored with its own tools)', async () => {
    const file = path.join(dir, 'replica-restore.db');
    fs.writeFileSync(file, 'the replica file stays as it is');
    const { code, output } = await runCli(`file:${file}`, ['restore', path.join(dir, 'some-backup')], { env: { DATABASE_SYNC_URL: primaryUrl, SHENFA_DATA_DIR: dir } });
    expect(code).toBe(1);
    expect(output).toContain('嵌入式副本（已设置 DATABASE_SYNC_URL）不在本机备份或恢复');
    expect(fs.readFileSync(file, 'utf8')).toBe('the replica file stays as it is');
  }, 60_000);

  it('a primary that cannot be synced from stops the real server at start with a clear message', async () => {
    const { code, output } = await runTsScript('server/main.ts', [], { env: { PORT: '0', DATABASE_URL: `file:${path.join(dir, 'server-replica.db')}`, DATABASE_SYNC_URL: primaryUrl, DATABASE_AUTH_TOKEN: 'replica-token-8' } });
    expect(code).toBe(1);
    expect(output).toContain(`启动失败：无法从主库同步嵌入式副本（DATABASE_SYNC_URL=${primaryUrl}）`);
    expect(asked.some((a) => a.authorization === 'Bearer replica-token-8')).toBe(true);
  }, 60_000);
});
