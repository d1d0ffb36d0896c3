/**
 * The catalog's list page: category navigation beside a table of published items, with
 * pagination. The server has already filtered, paged and converted dates to CST; this
 * view only renders, so it can be tested without a database.
 */
import { html } from 'hono/html';
import { fragment, renderPublicLayout, type HtmlFragment } from './layout';

export interface CatalogListView {
  bureauName: string;
  categories: { code: string; name: string; count: number }[];
  activeCategory: string | null;
  items: {
    id: string;
    indexNumber: string;
    title: string;
    docNumber: string;
    /** YYYY-MM-DD, already in CST. */
    publishedAt: string;
    categoryName: string;
  }[];
  page: number;
  pageCount: number;
}

/** How many page links either side of the current page before the rest collapse. */
const PAGE_WINDOW = 2;

/**
 * Link to a list page. The category is kept on every page link so that paging never
 * silently drops the reader's filter; page 1 is left out so each page has one URL.
 *
 * @example listHref('social-assistance', 2) // '/public?category=social-assistance&page=2'
 */
export function listHref(category: string | null, page = 1): string {
  const query = new URLSearchParams();
  if (category) query.set('category', category);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `/public?${search}` : '/public';
}

/** Link to one published item; 索引号 carries a slash, hence the encoding. */
export function documentHref(indexNumber: string): string {
  return `/public/documents/${encodeURIComponent(indexNumber)}`;
}

function renderCategoryNav(view: CatalogListView): HtmlFragment {
  const total = view.categories.reduce((sum, c) => sum + c.count, 0);
  const entry = (href: string, name: string, count: number, active: boolean) =>
    html`<li><a href="${href}"${active ? html` class="active" aria-current="page"` : ''}><span>${name}</span><span class="count">${count}</span></a></li>`;
  return fragment(html`<nav class="category-nav" aria-label="主题分类">
  <h2>主题分类</h2>
  <ul>
    ${entry('/public', '全部', total, view.activeCategory === null)}
    ${view.categories.map((c) => entry(listHref(c.code), c.name, c.count, c.code === view.activeCategory))}
  </ul>
</nav>`);
}

function renderItems(items: CatalogListView['items']): HtmlFragment {
  if (items.length === 0) return fragment(html`<p class="empty-state">暂无已发布信息</p>`);
  // ISO dates sort as strings; a stable sort keeps the server's order within one day.
  const newestFirst = [...items].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return fragment(html`<table class="catalog-table">
  <thead><tr><th scope="col">标题</th><th scope="col">索引号</th><th scope="col">发文字号</th><th scope="col">发布日期</th></tr></thead>
  <tbody>
    ${newestFirst.map(
      (item) => html`<tr>
      <td class="cell-title" data-label="标题"><a href="${documentHref(item.indexNumber)}">${item.title}</a><span class="item-category">${item.categoryName}</span></td>
      <td data-label="索引号">${item.indexNumber}</td>
      <td data-label="发文字号">${item.docNumber || '—'}</td>
      <td data-label="发布日期"><time datetime="${item.publishedAt}">${item.publishedAt}</time></td>
    </tr>`,
    )}
  </tbody>
</table>`);
}

function renderPagination(category: string | null, page: number, pageCount: number): HtmlFragment | '' {
  if (pageCount <= 1) return '';
  const first = Math.max(1, page - PAGE_WINDOW);
  const last = Math.min(pageCount, page + PAGE_WINDOW);
  const numbers = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return fragment(html`<nav class="pagination" aria-label="分页">
  ${page > 1 ? html`<a rel="prev" href="${listHref(category, page - 1)}">上一页</a>` : ''}
  ${numbers.map((n) =>
    n === page
      ? html`<span class="current" aria-current="page">${n}</span>`
      : html`<a href="${listHref(category, n)}">${n}</a>`,
  )}
  ${page < pageCount ? html`<a rel="next" href="${listHref(category, page + 1)}">下一页</a>` : ''}
  <span class="page-status">第 ${page} / ${pageCount} 页</span>
</nav>`);
}

/**
 * The whole list page, as an HTML string.
 *
 * @example renderCatalogList({ bureauName: '清源市民政局', categories, activeCategory: null, items, page: 1, pageCount: 3 })
 */
export function renderCatalogList(view: CatalogListView): string {
  const active = view.categories.find((c) => c.code === view.activeCategory);
  const heading = active ? active.name : '全部信息';
  const body = fragment(html`<div class="catalog-layout">
  ${renderCategoryNav(view)}
  <section class="catalog-main" aria-labelledby="catalog-heading">
    <h1 id="catalog-heading">${heading}</h1>
    ${renderItems(view.items)}
    ${renderPagination(view.activeCategory, view.page, view.pageCount)}
  </section>
</div>`);
  return renderPublicLayout({ title: heading, bureauName: view.bureauName, body });
}
