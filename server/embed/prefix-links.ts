/**
 * The server-rendered public pages (server/public/views) write root-relative links —
 * href="/public/…", action="/public/search" — as if Shenfa sat at '/'. Mounted elsewhere,
 * this one filter puts the base path in front of each, so no view needs to know where Shenfa
 * is mounted and a link added to a view later cannot forget it. Only our own attribute
 * syntax is rewritten: text from documents is HTML-escaped (a quote is &quot;), so it never
 * matches, and protocol-relative links (//host/…) are left alone.
 */
import { createMiddleware } from 'hono/factory';

const ROOT_RELATIVE = /(\s(?:href|src|action)=")\/(?!\/)/g;

/** Prefixes every root-relative href/src/action of an HTML string with `basePath` ('/disclosure'). */
export function prefixRootLinks(htmlText: string, basePath: string): string {
  return basePath ? htmlText.replace(ROOT_RELATIVE, `$1${basePath}/`) : htmlText;
}

/** Applies prefixRootLinks to every HTML answer of the routes it is used on. */
export function prefixHtmlLinks(basePath: string) {
  return createMiddleware(async function prefixLinks(c, next) {
    await next();
    if (!basePath || !c.res.headers.get('content-type')?.startsWith('text/html')) return;
    const { status, headers } = c.res;
    const text = prefixRootLinks(await c.res.text(), basePath);
    const rewritten = new Headers(headers);
    rewritten.delete('content-length');
    c.res = new Response(text, { status, headers: rewritten });
  });
}
