/**
 * The UI language: Simplified Chinese unless the user chose English, remembered in
 * localStorage. `t` is @solid-primitives/i18n's translator over the current dictionary; it
 * reads a signal, so every text in JSX follows a switch at once. The English catalog is its
 * own chunk, fetched only by those who choose English (most users never do), which keeps it
 * out of the first download.
 */
import { createSignal } from 'solid-js';
import { translator } from '@solid-primitives/i18n';
import { zh, type MessageKey } from './zh';

export type Locale = 'zh' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'shenfa.locale';
type Dictionary = Record<MessageKey, string>;
const [dictionary, setDictionary] = createSignal<Dictionary>(zh);
let english: Promise<Dictionary> | null = null;
// English falls back to Chinese for a key it lacks (the catalog test keeps them equal).
const loadEnglish = () => (english ??= import('./en').then((m) => ({ ...zh, ...m.en })));

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    // Private mode or disabled storage: fall back to Chinese, the bureau's language.
    return 'zh';
  }
}

const [locale, setLocaleSignal] = createSignal<Locale>('zh');
export { locale };

/** Switches the language once its catalog is in; remembered for the next visit. */
export async function setLocale(next: Locale): Promise<void> {
  const chosen = next === 'en' ? await loadEnglish() : zh;
  setDictionary(() => chosen);
  setLocaleSignal(next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // The choice then lasts for this page only; nothing else depends on it.
  }
  // The server-rendered public pages (the request-status page) read the same choice from a cookie.
  document.cookie = `${STORAGE_KEY}=${next}; path=/; max-age=31536000; samesite=lax`;
}

/**
 * Our catalogs mark a parameter `{n}` (single braces): `{{…}}` is taken by the reply-letter
 * placeholders (`{{申请人}}`) that some messages show literally. An unknown name stays as written.
 */
function resolveTemplate(text: string, params?: Record<string, string | number | boolean>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const translate = translator(dictionary, resolveTemplate as never);

/** Settles once the stored language's catalog is in: the app renders after it, so nobody sees the other language first. */
export const i18nReady: Promise<void> = storedLocale() === 'en' ? setLocale('en').catch(() => undefined) : Promise.resolve();

/** `t('form.invalid', { n: 3 })` → 还有 3 处需要修改… */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(key, params as never) as string;
}

/** Picks the current language from a core `{ zh, en }` label; an empty English falls back to Chinese. */
export function localized(text: { zh: string; en: string } | undefined): string {
  if (!text) return '';
  return locale() === 'en' && text.en ? text.en : text.zh;
}

/** A dictionary key built from data (a status, an audit action); unknown keys show as-is. */
export function tKnown(prefix: string, key: string): string {
  const full = `${prefix}.${key}` as MessageKey;
  return full in zh ? t(full) : key;
}
