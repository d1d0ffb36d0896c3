import { describe, expect, it } from 'vitest';

// i18n.ts reads localStorage and sets <html lang>; give it the two globals a browser has.
const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
  document: { documentElement: { lang: '' } },
});
const { t, setLocale, locale } = await import('./i18n');
const { zh } = await import('./zh');
const { en } = await import('./en');

describe('the UI language', () => {
  it('has every message in both catalogs, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.entries(zh).filter(([, text]) => !text.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('uses the same parameters in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differing = Object.keys(zh).filter((key) => params(zh[key as keyof typeof zh]).join() !== params(en[key as keyof typeof en]).join());
    expect(differing).toEqual([]);
  });

  it('speaks Chinese by default, switches to English, and remembers the choice', async () => {
    expect(locale()).toBe('zh');
    expect(t('nav.inbox')).toBe('我的待办');
    await setLocale('en');
    expect(t('nav.inbox')).toBe(en['nav.inbox']);
    expect(store.get('shenfa.locale')).toBe('en');
    expect((globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang).toBe('en');
    await setLocale('zh');
    expect(t('nav.inbox')).toBe('我的待办');
  });

  it('fills {name} parameters and leaves reply-letter placeholders {{…}} as written', () => {
    const withParam = Object.entries(zh).find(([, text]) => /\{n\}/.test(text));
    expect(withParam).toBeDefined();
    const [key, text] = withParam!;
    expect(t(key as keyof typeof zh, { n: 7 })).toBe(text.replace(/\{n\}/g, '7'));
    expect(t('templates.intro')).toContain('{{申请人}}');
  });
});
