import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { html } from 'hono/html';
import { log } from '../log';

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
export function injectShell(indexHtml: string, shell: ClientShell, signedIn?: SignedIn): string {
  const tags = html`<base href="${shell.basePath}/"><meta name="shenfa-sign-in" content="${shell.signIn}">${shell.signInUrl ? html`<meta name="shenfa-sign-in-url" content="${shell.signInUrl}">` : ''}`.toString();
  const user = signedIn ? `<script type="application/json" id="shenfa-me">${jsonInScript(signedIn.user)}</script>` : '';
  // Right after <meta charset> (which should come first), before anything that holds a URL.
  const charset = /<meta charset[^>]*>/i;
  return charset.test(indexHtml) ? indexHtml.replace(charset, (m) => `${m}${tags}${user}`) : indexHtml.replace(/<head>/i, `<head>${tags}${user}`);
}

/** Who the page is for, as `auth.me` would answer (null: nobody signed in). */
export interface SignedIn {
  user: unknown;
}

/** JSON that cannot end its <script> element or open another one, whatever the strings hold. */
function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** How the page learns who is signed in: the API's own identifying middleware, then what `auth.me` answers for them. */
export interface PageIdentity {
  identify: MiddlewareHandler;
  /** What auth.me would answer; undefined to say nothing (the app then asks auth.me itself). */
  describe(c: Context): Promise<unknown>;
}

/**
 * Who the page is for, told in it, so the app need not ask `auth.me` before anything else:
 * one round trip less before the first page a person sees. Left out when it cannot be told
 * (the database does not answer, the host refused): the page is still served, and the app asks
 * and shows what went wrong.
 */
async function signedInOf(c: Context, identity: PageIdentity, next: () => Promise<void>): Promise<void> {
  let reached = false;
  const page = async () => {
    reached = true;
    c.set('signedIn', await described(c, identity));
    await next();
  };
  try {
    // The API's middleware: it also slides the session's expiry and re-sends its cookie, as for any call.
    await identity.identify(c, page);
  } catch (error) {
    if (reached) throw error;
    log.warn({ err: error }, 'could not tell who the page is for; the app will ask');
  }
  if (!reached) await next();
}

async function described(c: Context, identity: PageIdentity): Promise<SignedIn | undefined> {
  try {
    const user = await identity.describe(c);
    return user === undefined ? undefined : { user };
  } catch (error) {
    log.warn({ err: error }, 'could not describe who the page is for; the app will ask');
    return undefined;
  }
}

/**
 * Serves the built Solid app. `serveStatic` has no SPA fallback, so any other GET that is
 * not an API or public route gets index.html and the client router takes over.
 */
export function staticClient(clientDir: string, shell: ClientShell, identity?: PageIdentity) {
  const app = new Hono<{ Variables: { signedIn?: SignedIn } }>();
  const indexPath = path.join(clientDir, 'index.html');
  const relativeRoot = path.relative(process.cwd(), clientDir) || '.';
  // Mounted under a base path the request path includes it; the files sit at the root of clientDir.
  const rewriteRequestPath = (p: string) => (shell.basePath && p.startsWith(`${shell.basePath}/`) ? p.slice(shell.basePath.length) : p);
  // `precompressed`: the build wrote a gzip copy beside each script and stylesheet (vite.config.ts, `precompressAssets`), sent to browsers that accept it.
  app.use('/assets/*', serveStatic({ root: relativeRoot, rewriteRequestPath, precompressed: true, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('/favicon.svg', serveStatic({ root: relativeRoot, rewriteRequestPath }));
  if (identity) app.get('*', (c, next) => signedInOf(c, identity, next));
  app.get('*', (c) => {
    if (!fs.existsSync(indexPath)) return c.text('前端尚未构建：请先运行 npm run build', 503);
    // It names the person it is for: never kept by a cache.
    c.header('Cache-Control', 'no-store');
    return c.html(injectShell(fs.readFileSync(indexPath, 'utf8'), shell, c.get('signedIn')));
  });
  return app;
}
