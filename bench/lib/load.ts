import { HttpConnection, type ExchangeError, type HttpAnswer } from './http-connection';

/** One signed-in (or not yet) virtual client: its cookie and its one keep-alive connection, opened on first use. */
export interface Session { cookie: string; connection: HttpConnection | null }

export type Response = HttpAnswer;

/**
 * One keep-alive HTTP/1.1 request on the session's own connection (one in flight per session,
 * as closedLoop uses it), or on a connection of its own that closes after it when there is no
 * session. A reused socket the server closed at the same moment fails before any answer came
 * back (the keep-alive race Node's docs describe); that one case is retried once on a new
 * connection.
 */
export async function request(port: number, session: Session | null, method: 'GET' | 'POST', path: string, body?: string): Promise<Response> {
  try {
    return await requestOnce(port, session, method, path, body);
  } catch (error) {
    if ((error as ExchangeError).retryable) return requestOnce(port, session, method, path, body);
    throw error;
  }
}

function requestOnce(port: number, session: Session | null, method: 'GET' | 'POST', path: string, body?: string): Promise<Response> {
  let head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`;
  if (session?.cookie) head += `Cookie: ${session.cookie}\r\n`;
  if (body !== undefined) head += `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
  if (!session) return new HttpConnection(port).exchange(`${head}Connection: close\r\n`, true, body);
  let connection = session.connection;
  if (!connection || connection.dead || connection.port !== port) {
    connection?.close();
    connection = session.connection = new HttpConnection(port);
  }
  return connection.exchange(head, false, body);
}

export function newSession(): Session {
  return { cookie: '', connection: null };
}

/** Closes the session's connection (an idle one does not keep the process alive either way). */
export function endSession(session: Session): void {
  session.connection?.close();
  session.connection = null;
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
  const { timed } = await warmThenTimed(concurrency, 0, total, work);
  return timed;
}

/**
 * One closed loop of `warmUp + total` calls, the first `warmUp` untimed: the timed calls follow
 * the warm-up without a pause. Two loops one after the other would let every client finish
 * before any starts again, so the first round of the second loop would reach the server as one
 * burst of `concurrency` calls at the same instant, a burst the steady state never has (with
 * 50 clients and 3,000 timed calls, that round alone is 1.7% of them, enough to be the p99).
 * `onTimed` runs as the first timed call starts (to read the server's CPU there).
 */
export async function warmThenTimed(concurrency: number, warmUp: number, total: number, work: (client: number, i: number) => Promise<Response>, onTimed?: () => void) {
  const warmLatencies: number[] = [];
  const latencies: number[] = [];
  let next = 0;
  let failure: unknown = null;
  const start = performance.now();
  let timedStart = warmUp === 0 ? start : 0;
  if (warmUp === 0) onTimed?.();
  // Every client stops at the first failure and all are awaited, so none is left running
  // (or rejecting unobserved) after this returns.
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (failure === null) {
        const i = next++;
        if (i >= warmUp + total) return;
        if (i === warmUp && warmUp > 0) {
          timedStart = performance.now();
          onTimed?.();
        }
        try {
          const t = performance.now();
          const res = await work(client, i);
          (i < warmUp ? warmLatencies : latencies).push(performance.now() - t);
          if (res.status < 200 || res.status >= 300) throw new Error(`call ${i}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
        } catch (error) {
          failure ??= error;
        }
      }
    }),
  );
  if (failure !== null) throw failure;
  const end = performance.now();
  const warmMs = (warmUp > 0 ? timedStart : start) - start;
  return {
    // The warm-up's rate: its calls over the time until the first timed call started.
    warmUp: { latencies: warmLatencies, wallMs: warmMs, perSecond: warmMs > 0 ? (warmUp / warmMs) * 1000 : 0 },
    timed: { latencies, wallMs: end - timedStart, perSecond: (latencies.length / (end - timedStart)) * 1000 },
  };
}
