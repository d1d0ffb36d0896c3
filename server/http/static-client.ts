import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { html } from 'hono/html';

/** What the staff app needs to know about where and how it is served, told in index.html. */
export interface ClientShell {
  /** '' at the root, else '/disclosure'. */
  basePath: string;
  signIn: 'own' | 'host';
  /** The host's login page, for host sign-in. */
  signInUrl?: string | undefined;
}

/**
 * The client is built with relative asset URLs (vite `base: './'`), so one build serves any
 * mount path: a <base href> early in <head> makes ./assets/… resolve under the base path
 * from every client route (/disclosure/documents/7 included), and the client reads the same
 * element for its router base and API URL. The meta tags say how staff sign in.
 */
export function injectShell(indexHtml: string, shell: ClientShell): string {
  const tags = html`<base href="${shell.basePath}/"><meta name="shenfa-sign-in" content="${shell.signIn}">${shell.signInUrl ? html`<meta name="shenfa-sign-in-url" content="${shell.signInUrl}">` : ''}`;
  // Right after <meta charset> (which should come first), before anything that holds a URL.
  const charset = /<meta charset[^>]*>/i;
  return charset.test(indexHtml) ? indexHtml.replace(charset, (m) => `${m}${tags.toString()}`) : indexHtml.replace(/<head>/i, `<head>${tags.toString()}`);
}

/**
 * Serves the built Solid app. `serveStatic` has no SPA fallback, so any other GET that is
 * not an API or public route gets index.html and the client router takes over.
 */
export function staticClient(clientDir: string, shell: ClientShell) {
  const app = new Hono();
  const indexPath = path.join(clientDir, 'index.html');
  const relativeRoot = path.relative(process.cwd(), clientDir) || '.';
  // Mounted under a base path the request path includes it; the files sit at the root of clientDir.
  const rewriteRequestPath = (p: string) => (shell.basePath && p.startsWith(`${shell.basePath}/`) ? p.slice(shell.basePath.length) : p);
  app.use('/assets/*', serveStatic({ root: relativeRoot, rewriteRequestPath, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('/favicon.svg', serveStatic({ root: relativeRoot, rewriteRequestPath }));
  app.get('*', (c) => {
    if (!fs.existsSync(indexPath)) return c.text('前端尚未构建：请先运行 npm run build', 503);
    return c.html(injectShell(fs.readFileSync(indexPath, 'utf8'), shell));
  });
  return app;
}
