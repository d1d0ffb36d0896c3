import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_PASSWORD } from './test-server';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the process wrote, for diagnosis. */
  output(): string;
  /** SIGKILL: no handler runs, no buffer is flushed, nothing is closed. */
  kill9(): Promise<void>;
  /** SIGTERM: the graceful path. */
  stop(): Promise<number | null>;
}

/**
 * The real standalone server (server/main.ts) as a child process on a loopback port over
 * the given database file: one node process (tsx as a loader), so a SIGKILL hits the
 * server itself and not a wrapper.
 */
export async function startServerProcess(databaseFile: string, env: Record<string, string> = {}, options: { nodeArgs?: string[] } = {}): Promise<ServerProcess> {
  // nodeArgs: how node runs the server; by default the sources through tsx (the bundle `npm run serve` runs: bundled-server.test.ts).
  const child: ChildProcess = spawn(process.execPath, options.nodeArgs ?? ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      SHENFA_DATA_DIR: path.dirname(databaseFile),
      SHENFA_CLIENT_DIR: path.resolve('dist/client'),
      SHENFA_DEMO_PASSWORD: TEST_PASSWORD,
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动：?\s*(http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it started:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A minimal JSON client for tRPC over HTTP whose server address can change (after a restart). */
export class HttpCaller {
  cookie = '';
  constructor(public baseUrl: string) {}

  async login(username: string, password = TEST_PASSWORD): Promise<void> {
    const response = await this.mutate('auth.login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(response.body)}`);
  }

  async query<T = unknown>(procedure: string, input?: unknown): Promise<{ status: number; body: { result?: { data: T }; error?: { message: string; data?: { code?: string } } } }> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.send(`${this.baseUrl}/api/trpc/${procedure}${qs}`, { method: 'GET' });
  }

  async mutate<T = unknown>(procedure: string, input?: unknown): Promise<{ status: number; body: { result?: { data: T }; error?: { message: string; data?: { code?: string } } } }> {
    return this.send(`${this.baseUrl}/api/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) });
  }

  private async send(url: string, init: RequestInit) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(15_000) });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    return { status: response.status, body: (await response.json()) as never };
  }
}
