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
  /** Publication date order; newest first unless the reader asked otherwise. */
  sort: CatalogSort;
}

export const CATALOG_SORTS = ['newest', 'oldest'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** How many page links either side of the current page before the rest collapse. */
const PAGE_WINDOW = 2;

/**
 * Link to a list page. The category and the order are kept on every page link so that paging
 * never silently drops the reader's choice; page 1 and the default order are left out so each
 * page has one URL.
 *
 * @example listHref('social-assistance', 2) // '/public?category=social-assistance&page=2'
 * @example listHref(null, 1, 'oldest') // '/public?sort=oldest'
 */
export function listHref(category: string | null, page = 1, sort: CatalogSort = 'newest'): string {
  const query = new URLSearchParams();
  if (category) query.set('category', category);
  if (sort !== 'newest') query.set('sort', sort);
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
    ${entry(listHref(null, 1, view.sort), '全部', total, view.activeCategory === null)}
    ${view.categories.map((c) => entry(listHref(c.code, 1, view.sort), c.name, c.count, c.code === view.activeCategory))}
  </ul>
</nav>`);
}

function renderItems(items: CatalogListView['items'], sort: CatalogSort): HtmlFragment {
  if (items.length === 0) return fragment(html`<p class="empty-state">暂无已发布信息</p>`);
  // ISO dates sort as strings; a stable sort keeps the server's order within one day.
  const byDate = (a: { publishedAt: string }, b: { publishedAt: string }) => (sort === 'oldest' ? a.publishedAt.localeCompare(b.publishedAt) : b.publishedAt.localeCompare(a.publishedAt));
  return renderCatalogTable([...items].sort(byDate));
}

/** One published item a catalog table lists (the list page and the search results alike). */
export type CatalogTableItem = Pick<CatalogListView['items'][number], 'indexNumber' | 'title' | 'docNumber' | 'publishedAt' | 'categoryName'>;

/** The table of published items, in the given order; narrow screens stack each row by its data-label. */
export function renderCatalogTable(items: readonly CatalogTableItem[]): HtmlFragment {
  return fragment(html`<table class="catalog-table">
  <thead><tr><th scope="col">标题</th><th scope="col">索引号</th><th scope="col">发文字号</th><th scope="col">发布日期</th></tr></thead>
  <tbody>
    ${items.map(
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

/** 最新发布 / 最早发布: the order, kept with the category; a new order starts at page 1. */
function renderSortSwitch(view: CatalogListView): HtmlFragment {
  const option = (sort: CatalogSort, label: string) =>
    sort === view.sort ? html`<span class="current" aria-current="true">${label}</span>` : html`<a href="${listHref(view.activeCategory, 1, sort)}">${label}</a>`;
  return fragment(html`<nav class="sort-switch" aria-label="排序"><span>排序：</span>${option('newest', '最新发布在前')}${option('oldest', '最早发布在前')}</nav>`);
}

function renderPagination(category: string | null, page: number, pageCount: number, sort: CatalogSort): HtmlFragment | '' {
  if (pageCount <= 1) return '';
  const first = Math.max(1, page - PAGE_WINDOW);
  const last = Math.min(pageCount, page + PAGE_WINDOW);
  const numbers = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return fragment(html`<nav class="pagination" aria-label="分页">
  ${page > 1 ? html`<a rel="prev" href="${listHref(category, page - 1, sort)}">上一页</a>` : ''}
  ${numbers.map((n) =>
    n === page
      ? html`<span class="current" aria-current="page">${n}</span>`
      : html`<a href="${listHref(category, n, sort)}">${n}</a>`,
  )}
  ${page < pageCount ? html`<a rel="next" href="${listHref(category, page + 1, sort)}">下一页</a>` : ''}
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
    ${renderSortSwitch(view)}
    ${renderItems(view.items, view.sort)}
    ${renderPagination(view.activeCategory, view.page, view.pageCount, view.sort)}
  </section>
</div>`);
  return renderPublicLayout({ title: heading, bureauName: view.bureauName, body });
}
