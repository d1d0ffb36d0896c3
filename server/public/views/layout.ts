/**
 * The page shell of the public catalog (政府信息公开目录). Pages are plain server-rendered
 * HTML: the catalog must work without JavaScript, and the CSP forbids inline scripts, so
 * nothing here emits a <script> or an inline event handler.
 */
import { html, raw } from 'hono/html';

/**
 * A piece of HTML that is already escaped. hono's own `HtmlEscapedString` type is not
 * exported under a public path, so it is named here from `raw`'s return type. A plain
 * `string` is not assignable to it, which keeps unescaped text out of page bodies.
 */
export type HtmlFragment = ReturnType<typeof raw>;

/**
 * Narrows the result of an html`` template to its synchronous form. The template only
 * returns a Promise when a Promise was interpolated, which these views never do; failing
 * loudly beats sending "[object Promise]" to a citizen.
 *
 * @example fragment(html`<p>${title}</p>`)
 */
export function fragment(result: HtmlFragment | Promise<HtmlFragment>): HtmlFragment {
  if (result instanceof Promise) throw new Error('public views must render synchronously');
  return result;
}

export interface PublicLayoutOptions {
  /** The page's own title, before the bureau and catalog name. */
  title: string;
  bureauName: string;
  body: HtmlFragment;
  /** The page's language; the catalog is Chinese unless told otherwise (the status page can be English). */
  locale?: PublicLocale;
}

export type PublicLocale = 'zh' | 'en';

/**
 * The cookie that remembers the language a person chose, on the public pages (`?lang=`) or in
 * the staff app (client/src/i18n/i18n.ts writes it too), so a returning applicant, or a staff
 * member looking at the public side, gets the language they picked last.
 */
export const LOCALE_COOKIE = 'shenfa.locale';

/**
 * The language of a public page: `?lang=en` / `?lang=zh` if given, else the remembered choice,
 * else Chinese (the bureau's language).
 * @example publicLocale(undefined, 'en') // 'en'
 */
export function publicLocale(query: string | undefined, remembered?: string): PublicLocale {
  if (query === 'en' || query === 'zh') return query;
  return remembered === 'en' ? 'en' : 'zh';
}

/** The header and footer, which every public page shares. */
const CHROME = {
  zh: {
    htmlLang: 'zh-CN',
    catalog: '政府信息公开目录',
    titleSuffix: (bureau: string) => `${bureau}政府信息公开目录`,
    skip: '跳到主要内容',
    searchLabel: '搜索公开信息',
    searchPlaceholder: '输入关键词，如：低保',
    search: '搜索',
    host: '主办单位：',
    about: '本目录依据《中华人民共和国政府信息公开条例》编制，公众可通过本目录查阅主动公开的政府信息。',
  },
  en: {
    htmlLang: 'en',
    catalog: 'Government Information Disclosure Catalog',
    titleSuffix: (bureau: string) => `${bureau} Government Information Disclosure Catalog`,
    skip: 'Skip to main content',
    searchLabel: 'Search published information',
    searchPlaceholder: 'Keywords, e.g. 低保',
    search: 'Search',
    host: 'Published by: ',
    about: "This catalog is compiled under the Regulations of the People's Republic of China on Government Information Disclosure; the public may read here the government information the agency publishes on its own initiative.",
  },
} as const;

/**
 * Wraps a rendered body in the full HTML document: header with the bureau's name and the
 * catalog search box (GET /public/search?q=), main content, footer.
 *
 * @example renderPublicLayout({ title: '政府信息公开目录', bureauName: '清源市民政局', body: fragment(html`<p>…</p>`) })
 */
export function renderPublicLayout({ title, bureauName, body, locale = 'zh' }: PublicLayoutOptions): string {
  const c = CHROME[locale];
  // The bureau's name is Chinese whatever the page's language; a screen reader should say it so.
  const bureauLang = locale === 'zh' ? '' : html` lang="zh-CN"`;
  const page = fragment(html`<!doctype html>
<html lang="${c.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${c.titleSuffix(bureauName)}</title>
<link rel="stylesheet" href="/public/assets/catalog.css">
</head>
<body>
<a class="skip-link" href="#main">${c.skip}</a>
<header class="site-header">
  <div class="wrap site-header-inner">
    <a class="brand" href="/public">
      <span class="brand-bureau"${bureauLang}>${bureauName}</span>
      <span class="brand-catalog">${c.catalog}</span>
    </a>
    <form class="search-form" method="get" action="/public/search" role="search">
      <label class="visually-hidden" for="site-search">${c.searchLabel}</label>
      <input id="site-search" name="q" type="search" maxlength="100" placeholder="${c.searchPlaceholder}">
      <button type="submit">${c.search}</button>
    </form>
  </div>
</header>
<main id="main" class="wrap site-main">
${body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${c.host}<span${bureauLang}>${bureauName}</span></p>
    <p>${c.about}</p>
  </div>
</footer>
</body>
</html>
`);
  return page.toString();
}
