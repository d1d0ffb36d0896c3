import { describe, expect, it } from 'vitest';
import { normalizeBasePath } from '../config';
import { injectShell } from '../http/static-client';

describe('normalizeBasePath', () => {
  it('makes the root empty and drops a trailing slash', () => {
    expect(normalizeBasePath('/')).toBe('');
    expect(normalizeBasePath('')).toBe('');
    expect(normalizeBasePath('/disclosure/')).toBe('/disclosure');
    expect(normalizeBasePath('/gov/disclosure')).toBe('/gov/disclosure');
  });

  it('refuses anything that is not plain path segments', () => {
    for (const bad of ['disclosure', '/a b', '/a"><script>', '/../x', '//evil.example', '/a?b', '/a#b']) expect(() => normalizeBasePath(bad), bad).toThrow(/basePath 无效/);
  });
});

describe('injectShell', () => {
  const index = '<!doctype html><html><head><meta charset="UTF-8" /><script type="module" src="./assets/index.js"></script></head><body></body></html>';

  it('puts <base href> and the sign-in mode after <meta charset>, before the first URL', () => {
    const page = injectShell(index, { basePath: '/disclosure', signIn: 'host', signInUrl: '/login?next=a&b' });
    expect(page).toContain('<meta charset="UTF-8" /><base href="/disclosure/"><meta name="shenfa-sign-in" content="host"><meta name="shenfa-sign-in-url" content="/login?next=a&amp;b"><script');
  });

  it('at the root, the base is /', () => {
    expect(injectShell(index, { basePath: '', signIn: 'own' })).toContain('<base href="/"><meta name="shenfa-sign-in" content="own"><script');
  });
});
