import http from 'node:http';

export interface Session { cookie: string; agent: http.Agent }

export interface Response { status: number; body: string; headers: http.IncomingHttpHeaders }

/**
 * One keep-alive HTTP/1.1 request; small and dependency-free so the load generator stays light.
 * A reused socket the server closed at the same moment fails with ECONNRESET before the request
 * reached it (the keep-alive race Node's docs describe); that one case is retried once.
 */
export async function request(port: number, session: Session | null, method: 'GET' | 'POST', path: string, body?: string): Promise<Response> {
  try {
    return await requestOnce(port, session, method, path, body);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return requestOnce(port, session, method, path, body);
    throw error;
  }
}

function requestOnce(port: number, session: Session | null, method: 'GET' | 'POST', path: string, body?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (session?.cookie) headers.cookie = session.cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: session?.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function newSession(): Session {
  return { cookie: '', agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
}

/** Signs one session in through the real tRPC login (httpLink's wire format: POST with the input as JSON). */
export async function signIn(port: number, username: string, password: string): Promise<Session> {
  const session = newSession();
  const res = await request(port, session, 'POST', '/api/trpc/auth.login', JSON.stringify({ username, password }));
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  const setCookie = res.headers['set-cookie']?.[0];
  if (!setCookie) throw new Error('login set no cookie');
  session.cookie = setCookie.split(';')[0]!;
  return session;
}

/**
 * Runs `work` from `concurrency` virtual clients until `total` calls are made; returns each
 * call's latency (ms) and the wall time. Any non-2xx answer fails the run.
 */
export async function closedLoop(concurrency: number, total: number, work: (client: number, i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let next = 0;
  let failure: unknown = null;
  const start = performance.now();
  // Every client stops at the first failure and all are awaited, so none is left running
  // (or rejecting unobserved) after this returns.
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (failure === null) {
        const i = next++;
        if (i >= total) return;
        try {
          const t = performance.now();
          const res = await work(client, i);
          latencies.push(performance.now() - t);
          if (res.status < 200 || res.status >= 300) throw new Error(`call ${i}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
        } catch (error) {
          failure ??= error;
        }
      }
    }),
  );
  if (failure !== null) throw failure;
  const wallMs = performance.now() - start;
  return { latencies, wallMs, perSecond: (latencies.length / wallMs) * 1000 };
}
