/**
 * The staff app's scripts leave the server compressed when the browser accepts gzip: the build
 * wrote a `.gz` copy beside each (vite.config.ts, `precompressAssets`) and the server sends it
 * (server/http/static-client.ts). Over real HTTP on the built app, with node:http so that the
 * bytes are seen as sent.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the staff app on the wire', () => {
  it('sends each script of the first page gzipped to a browser that accepts it, and as is to one that does not', async () => {
    const page = (await get('/')).body.toString();
    const scripts = [...page.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    let plain = 0;
    let sent = 0;
    for (const asset of scripts) {
      const identity = await get(`/${asset}`);
      expect(identity.status).toBe(200);
      expect(identity.headers['content-encoding']).toBeUndefined();
      const gzipped = await get(`/${asset}`, { 'accept-encoding': 'gzip, deflate' });
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['content-type']).toBe(identity.headers['content-type']);
      expect(gzipped.headers.vary).toContain('Accept-Encoding');
      expect(gzipped.headers['cache-control']).toContain('immutable');
      expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
      expect(gunzipSync(gzipped.body).equals(identity.body)).toBe(true);
      plain += identity.body.length;
      sent += gzipped.body.length;
    }
    // The first page's scripts and styles: well under half their size on the wire.
    expect(sent).toBeLessThan(plain / 2);
  });
});
