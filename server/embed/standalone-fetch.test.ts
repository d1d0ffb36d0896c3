import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { standaloneFetch } from './standalone-fetch';

// A stand-in for Shenfa's app: its own routes from its root, and its own error handler.
function shenfaLikeApp() {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok', path: c.req.path }));
  // What a server's bindings carry (@hono/node-server: the socket the client's address is read from).
  app.get('/peer', (c) => c.json({ peer: (c.env as { incoming?: { socket: { remoteAddress: string } } } | undefined)?.incoming?.socket.remoteAddress ?? null }));
  app.get('/boom', () => {
    throw new Error('secret detail');
  });
  app.onError((_error, c) => c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误' } }, 500));
  return app;
}

describe('standaloneFetch', () => {
  it('serves the app itself at the root, with its own error handler', async () => {
    const app = shenfaLikeApp();
    const fetch = standaloneFetch({ app: app as never, basePath: '/' });
    expect(fetch).toBe(app.fetch);
    expect(await (await fetch(new Request('http://x/healthz'))).json()).toEqual({ status: 'ok', path: '/healthz' });
    const failed = await fetch(new Request('http://x/boom'));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误' } });
  });

  it('mounts the app below a base path, where its error handler still answers', async () => {
    const fetch = standaloneFetch({ app: shenfaLikeApp() as never, basePath: '/disclosure' });
    expect((await fetch(new Request('http://x/healthz'))).status).toBe(404);
    expect(await (await fetch(new Request('http://x/disclosure/healthz'))).json()).toEqual({ status: 'ok', path: '/disclosure/healthz' });
    const failed = await fetch(new Request('http://x/disclosure/boom'));
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain('secret detail');
    expect(await (await fetch(new Request('http://x/disclosure/boom'))).json()).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误' } });
  });

  it("passes the server's bindings on to the app, at the root and below a base path", async () => {
    const bindings = { incoming: { socket: { remoteAddress: '10.1.2.3' } } };
    for (const [basePath, url] of [['/', 'http://x/peer'], ['/disclosure', 'http://x/disclosure/peer']] as const) {
      const fetch = standaloneFetch({ app: shenfaLikeApp() as never, basePath });
      expect(await (await fetch(new Request(url), bindings)).json()).toEqual({ peer: '10.1.2.3' });
    }
  });
});
