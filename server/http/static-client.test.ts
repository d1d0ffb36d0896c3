import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MiddlewareHandler } from 'hono';
import { injectShell, staticClient, type PageIdentity } from './static-client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-static-'));
fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><meta charset="UTF-8" /><script type="module" src="./assets/index.js"></script></head><body></body></html>');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SHELL = { basePath: '', signIn: 'own' } as const;
const page = async (identity: PageIdentity) => (await staticClient(dir, SHELL, identity).request('/documents/7')).text();
const served = (html: string) => /<script type="application\/json" id="shenfa-me">(.*?)<\/script>/.exec(html)?.[1];

describe('the staff page', () => {
  it('carries who it is for after the shell tags, escaped so no string ends the element', () => {
    const html = injectShell('<head><meta charset="UTF-8"></head>', SHELL, { user: { displayName: '</script><b>&' } });
    expect(html).toContain('<meta name="shenfa-sign-in" content="own"><script type="application/json" id="shenfa-me">{"displayName":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}</script>');
    expect(JSON.parse(served(html)!)).toEqual({ displayName: '</script><b>&' });
    expect(injectShell('<head></head>', SHELL)).not.toContain('shenfa-me');
  });

  it('says who it is for as the identifying middleware found them', async () => {
    const identify: MiddlewareHandler = async (c, next) => {
      c.set('user' as never, { username: 'legal' } as never);
      await next();
    };
    expect(JSON.parse(served(await page({ identify, describe: async (c) => ({ me: (c.get('user' as never) as { username: string }).username }) }))!)).toEqual({ me: 'legal' });
  });

  it('is served all the same, naming nobody, when who it is for cannot be told', async () => {
    const failing: MiddlewareHandler = async () => {
      throw new Error('database is locked');
    };
    const refusing: MiddlewareHandler = async (c) => c.json({ error: 'host refused' }, 503);
    const fine: MiddlewareHandler = async (_c, next) => next();
    for (const identity of [
      { identify: failing, describe: async () => ({}) },
      { identify: refusing, describe: async () => ({}) },
      { identify: fine, describe: async () => Promise.reject(new Error('no settings table')) },
    ]) {
      const html = await page(identity);
      expect(html).toContain('<base href="/">');
      expect(served(html)).toBeUndefined();
    }
  });
});
