/**
 * Where and how the server mounted Shenfa, as it says in index.html (server/http/static-client.ts):
 * <base href="/disclosure/"> and <meta name="shenfa-sign-in" content="own|host">. The router,
 * the tRPC client and every plain link or fetch build their URLs with `appUrl`, so the same
 * build works at '/' and under a host's path.
 */
const doc = typeof document === 'undefined' ? null : document;

function meta(name: string): string | null {
  return doc?.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

/** '' at the root, '/disclosure' when a host mounted Shenfa there. */
export const basePath = (doc?.querySelector('base')?.getAttribute('href') ?? '/').replace(/\/+$/, '');

/** A Shenfa path written from its root ('/api/…', '/public') as the browser must request it. */
export function appUrl(path: string): string {
  return basePath + path;
}

/** 'host': the host application signs staff in; Shenfa shows no password form and no sign-out. */
export const signInMode: 'own' | 'host' = meta('shenfa-sign-in') === 'host' ? 'host' : 'own';

/** The host's login page, when it told us one. */
export const hostSignInUrl = meta('shenfa-sign-in-url');

/**
 * Who the page was served for, as `auth.me` answers (null: nobody signed in), when the server
 * said so in it (server/http/static-client.ts); undefined when it did not (a development
 * server, a database that did not answer): then the app asks. Read once: after sign-in or
 * sign-out the session knows better than the page.
 */
export function takeServedUser(): unknown {
  const element = doc?.getElementById('shenfa-me');
  if (!element) return undefined;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? '') as unknown;
  } catch {
    return undefined;
  }
}

