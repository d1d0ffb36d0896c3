/**
 * The catalog's search box and its results page (全文检索). Rendering only: the search service
 * has already limited the hits to what the public may read.
 */
import { html } from 'hono/html';
import { fragment, renderPublicLayout, type HtmlFragment } from './layout';
import { renderCatalogTable } from './catalog-list';

export interface CatalogSearchView {
  bureauName: string;
  query: string;
  page: number;
  hasMore: boolean;
  items: { indexNumber: string; title: string; docNumber: string; publishedAt: string; categoryName: string }[];
}

export function searchHref(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/public/search?${params.toString()}`;
}

export function renderSearchBox(query: string): HtmlFragment {
  return fragment(html`<form class="catalog-search" role="search" action="/public/search" method="get">
  <label for="catalog-q">全文检索</label>
  <input id="catalog-q" name="q" type="search" value="${query}" maxlength="100" placeholder="输入关键词，如：低保" />
  <button type="submit">检索</button>
</form>`);
}

function renderHits(view: CatalogSearchView): HtmlFragment {
  if (!view.query.trim()) return fragment(html`<p class="empty-state">请输入检索词</p>`);
  if (view.items.length === 0) return fragment(html`<p class="empty-state">未找到与“${view.query}”相关的已公开信息</p>`);
  return renderCatalogTable(view.items);
}

export function renderCatalogSearch(view: CatalogSearchView): string {
  const body = fragment(html`<section class="catalog-main" aria-labelledby="search-heading">
  <h1 id="search-heading">全文检索</h1>
  ${renderSearchBox(view.query)}
  ${renderHits(view)}
  <nav class="pagination" aria-label="分页">
    ${view.page > 1 ? html`<a rel="prev" href="${searchHref(view.query, view.page - 1)}">上一页</a>` : ''}
    ${view.hasMore ? html`<a rel="next" href="${searchHref(view.query, view.page + 1)}">下一页</a>` : ''}
  </nav>
  <p><a href="/public">返回目录</a></p>
</section>`);
  return renderPublicLayout({ title: view.query ? `检索：${view.query}` : '全文检索', bureauName: view.bureauName, body });
}
