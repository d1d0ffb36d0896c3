/**
 * The benchmark's load generator (bench/lib/load.ts over bench/lib/http-connection.ts): a
 * hand-rolled keep-alive HTTP/1.1 client, so it is checked against real servers on loopback:
 * node:http (Content-Length, chunked, Set-Cookie, Connection: close, errors), a raw TCP
 * server that dribbles its answer a few bytes per write, one that drops a reused connection
 * (the keep-alive race), and the real app (sign-in, a signed-in call, a closed loop).
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoop, endSession, newSession, request, signIn } from '../../bench/lib/load';
import { HttpConnection } from '../../bench/lib/http-connection';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';

const CHINESE = '关于印发《政府信息公开工作年度报告》的通知——审核意见：同意发布。';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const openSockets = new Map<net.Server, Set<net.Socket>>();

async function listen(server: net.Server): Promise<number> {
  const sockets = new Set<net.Socket>();
  openSockets.set(server, sockets);
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Closes the server and whatever connections are still open (a failed test may leave one hanging). */
async function closeServer(server: net.Server): Promise<void> {
  for (const socket of openSockets.get(server) ?? []) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
}

describe('against a node:http server', () => {
  let server: http.Server;
  let port: number;
  let connections = 0;
  const received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (p: Buffer) => parts.push(p));
      req.on('end', async () => {
        const body = Buffer.concat(parts).toString('utf8');
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        switch (req.url) {
          case '/length':
            res.setHeader('content-type', 'application/json; charset=utf-8');
            res.end(JSON.stringify({ text: CHINESE }));
            return;
          case '/chunked':
            // No Content-Length and several writes: node:http answers with chunked encoding.
            res.setHeader('content-type', 'text/plain; charset=utf-8');
            for (const piece of [CHINESE.slice(0, 5), CHINESE.slice(5, 17), CHINESE.slice(17)]) {
              res.write(piece);
              await sleep(5);
            }
            res.end();
            return;
          case '/cookie':
            res.setHeader('set-cookie', ['session=abc123; Path=/; HttpOnly', 'theme=dark; Path=/']);
            res.setHeader('x-note', '1');
            res.end('{}');
            return;
          case '/close':
            res.setHeader('connection', 'close');
            res.end('closing');
            return;
          case '/no-content':
            res.statusCode = 204;
            res.end();
            return;
          case '/fail':
            res.statusCode = 500;
            res.end('服务器内部错误');
            return;
          case '/echo':
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ bytes: Buffer.byteLength(body), body }));
            return;
          default:
            res.end(`ok ${req.url}`);
        }
      });
    });
    server.on('connection', () => connections++);
    port = await listen(server);
  });
  afterAll(() => closeServer(server));

  it('reads a Content-Length body with Chinese text, and a chunked one', async () => {
    const session = newSession();
    const plain = await request(port, session, 'GET', '/length');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(plain.body)));
    expect(JSON.parse(plain.body)).toEqual({ text: CHINESE });
    const chunked = await request(port, session, 'GET', '/chunked');
    expect(chunked.headers['transfer-encoding']).toBe('chunked');
    expect(chunked.body).toBe(CHINESE);
    endSession(session);
  });

  it('keeps one connection per session across requests, and sends Host and Cookie', async () => {
    const session = newSession();
    session.cookie = 'session=xyz';
    const before = connections;
    for (let i = 0; i < 5; i++) expect((await request(port, session, 'GET', `/n/${i}`)).body).toBe(`ok /n/${i}`);
    expect(connections - before).toBe(1);
    const last = received.at(-1)!;
    expect(last.headers.host).toBe(`127.0.0.1:${port}`);
    expect(last.headers.cookie).toBe('session=xyz');
    endSession(session);
  });

  it('delivers a POST body intact (UTF-8, with its length and content type)', async () => {
    const session = newSession();
    const payload = JSON.stringify({ opinion: CHINESE, checks: ['legal', 'privacy'], n: 1 });
    const res = await request(port, session, 'POST', '/echo', payload);
    expect(JSON.parse(res.body)).toEqual({ bytes: Buffer.byteLength(payload), body: payload });
    const seen = received.at(-1)!;
    expect(seen.method).toBe('POST');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(payload)));
    // The connection is still in step for the next request.
    expect((await request(port, session, 'GET', '/after-post')).body).toBe('ok /after-post');
    endSession(session);
  });

  it('gives headers with lower-case names and every Set-Cookie as an array item', async () => {
    const res = await request(port, newSession(), 'GET', '/cookie');
    expect(res.headers['set-cookie']).toEqual(['session=abc123; Path=/; HttpOnly', 'theme=dark; Path=/']);
    expect(res.headers['x-note']).toBe('1');
    expect(res.headers['content-type']).toBeUndefined();
  });

  it('opens a new connection after a Connection: close answer', async () => {
    const session = newSession();
    const before = connections;
    expect((await request(port, session, 'GET', '/close')).body).toBe('closing');
    expect((await request(port, session, 'GET', '/next')).body).toBe('ok /next');
    expect(connections - before).toBe(2);
    endSession(session);
  });

  it('answers 204 without a body and stays usable; a request without a session uses a connection of its own', async () => {
    const session = newSession();
    expect(await request(port, session, 'GET', '/no-content')).toMatchObject({ status: 204, body: '' });
    expect((await request(port, session, 'GET', '/again')).body).toBe('ok /again');
    const before = connections;
    const res = await request(port, null, 'GET', '/alone');
    expect(res.body).toBe('ok /alone');
    expect(received.at(-1)!.headers.connection).toBe('close');
    expect(connections - before).toBe(1);
    endSession(session);
  });

  it('closedLoop runs every call from its clients, and fails on a non-2xx answer', async () => {
    const sessions = Array.from({ length: 4 }, () => newSession());
    const run = await closedLoop(4, 40, (c, i) => request(port, sessions[c]!, 'POST', '/echo', JSON.stringify({ i })));
    expect(run.latencies).toHaveLength(40);
    await expect(closedLoop(4, 40, (c, i) => request(port, sessions[c]!, 'GET', i === 17 ? '/fail' : '/fine'))).rejects.toThrow(/call 17: HTTP 500 服务器内部错误/);
    for (const s of sessions) endSession(s);
  });
});

/** A TCP server that writes each answer `piece` bytes at a time, one write a millisecond: the head terminator and UTF-8 characters arrive split. */
function dribblingServer(answer: Buffer, piece: number): net.Server {
  return net.createServer((socket) => {
    socket.setNoDelay(true);
    let seen = '';
    socket.on('data', async (data) => {
      seen += data.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      seen = '';
      for (let at = 0; at < answer.length; at += piece) {
        socket.write(answer.subarray(at, at + piece));
        await sleep(1);
      }
    });
    socket.on('error', () => {});
  });
}

describe('against a raw TCP server', () => {
  const servers: net.Server[] = [];
  afterAll(async () => {
    for (const s of servers) await closeServer(s);
  });
  const start = async (server: net.Server) => {
    servers.push(server);
    return listen(server);
  };

  it('reads a Content-Length answer written one byte at a time', async () => {
    const body = Buffer.from(JSON.stringify({ text: CHINESE.repeat(2) }));
    const answer = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nSet-Cookie: a=1\r\n\r\n`), body]);
    const port = await start(dribblingServer(answer, 1));
    const session = newSession();
    for (let i = 0; i < 2; i++) {
      const res = await request(port, session, 'GET', '/');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ text: CHINESE.repeat(2) });
      expect(res.headers['set-cookie']).toEqual(['a=1']);
    }
    endSession(session);
  });

  it('reads a chunked answer (with a chunk extension and a trailer) written a few bytes at a time', async () => {
    const a = Buffer.from(CHINESE.slice(0, 7));
    const b = Buffer.from(CHINESE.slice(7));
    const answer = Buffer.concat([
      Buffer.from(`HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n${a.length.toString(16)};note=x\r\n`),
      a,
      Buffer.from(`\r\n${b.length.toString(16).toUpperCase()}\r\n`),
      b,
      Buffer.from('\r\n0\r\nX-Trailer: done\r\n\r\n'),
    ]);
    const port = await start(dribblingServer(answer, 3));
    const session = newSession();
    for (let i = 0; i < 2; i++) expect(await request(port, session, 'GET', '/')).toMatchObject({ status: 201, body: CHINESE });
    endSession(session);
  });

  it('retries once on a new connection when the server drops a reused connection without answering', async () => {
    let connections = 0;
    const ok = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
    // Answers the first request on each connection; drops the connection at the second (as a server closing an idle keep-alive connection would).
    const port = await start(
      net.createServer((socket) => {
        connections++;
        let requests = 0;
        socket.on('data', () => (++requests === 1 ? socket.write(ok) : socket.destroy()));
        socket.on('error', () => {});
      }),
    );
    const session = newSession();
    for (let i = 0; i < 3; i++) expect((await request(port, session, 'POST', '/', '{"同意":true}')).body).toBe('ok');
    expect(connections).toBe(3);
    endSession(session);
  });

  it('fails (without retrying forever) when a fresh connection is dropped, or the answer is cut short', async () => {
    const dropping = await start(
      net.createServer((socket) => {
        socket.on('data', () => socket.destroy());
        socket.on('error', () => {});
      }),
    );
    await expect(request(dropping, newSession(), 'GET', '/')).rejects.toThrow(/socket hang up|ECONNRESET/);
    const cut = await start(
      net.createServer((socket) => {
        socket.on('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial'));
        socket.on('error', () => {});
      }),
    );
    await expect(request(cut, newSession(), 'GET', '/')).rejects.toThrow(/socket hang up/);
  });

  it('fails a request the server never answers, after the answer timeout, instead of hanging', async () => {
    const silent = await start(
      net.createServer((socket) => {
        socket.on('data', () => {});
        socket.on('error', () => {});
      }),
    );
    const connection = new HttpConnection(silent, 200);
    await expect(connection.exchange(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${silent}\r\n`, false)).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(connection.dead).toBe(true);
  });

  it('reads a body that ends when the server closes the connection', async () => {
    const port = await start(
      net.createServer((socket) => {
        socket.on('data', async () => {
          socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n${CHINESE.slice(0, 10)}`);
          await sleep(5);
          socket.end(CHINESE.slice(10));
        });
        socket.on('error', () => {});
      }),
    );
    const session = newSession();
    expect((await request(port, session, 'GET', '/')).body).toBe(CHINESE);
    expect((await request(port, session, 'GET', '/')).body).toBe(CHINESE);
  });
});

describe('against the real app', () => {
  let app: TestServer;
  let port: number;
  beforeAll(async () => {
    app = await startTestServer();
    port = Number(new URL(app.url).port);
  });
  afterAll(() => app.close());

  it('signs in through tRPC, calls a signed-in procedure with the cookie, and runs a closed loop', async () => {
    const session = await signIn(port, 'legal', TEST_PASSWORD);
    expect(session.cookie).toMatch(/^shenfa_session=[^;]+$/);
    const me = await request(port, session, 'GET', '/api/trpc/auth.me');
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).result.data).toMatchObject({ username: 'legal', displayName: '孙立华' });
    const run = await closedLoop(1, 20, () => request(port, session, 'GET', '/healthz'));
    expect(run.latencies).toHaveLength(20);
    await expect(signIn(port, 'legal', 'wrong-password')).rejects.toThrow(/login legal: (401|403)/);
    const anonymous = await request(port, null, 'GET', '/api/trpc/auth.me');
    expect(JSON.parse(anonymous.body)).toEqual({ result: { data: null } });
    // The public pages the soak benchmark reads without a session.
    const page = await request(port, null, 'GET', '/public');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/<\/html>\s*$/);
    expect((await request(port, null, 'GET', '/public/api/documents')).status).toBe(200);
    endSession(session);
  });
});
