/**
 * The catalog's 404 page. An item that was withdrawn (撤稿) or never published looks the
 * same from outside as one that never existed: the page does not say which, so it cannot
 * be used to probe for unpublished documents.
 */
import { html } from 'hono/html';
import { fragment, renderPublicLayout } from './layout';

/**
 * The whole 404 page, as an HTML string; the caller sets the 404 status.
 *
 * @example c.html(renderNotFound('清源市民政局'), 404)
 */
export function renderNotFound(bureauName: string): string {
  const body = fragment(html`<section class="not-found" aria-labelledby="not-found-heading">
  <h1 id="not-found-heading">未找到您要查看的信息</h1>
  <p>该信息不存在、已撤销发布，或链接地址有误。</p>
  <p>您可以<a href="/public">返回政府信息公开目录</a>浏览全部已发布信息，或使用页面上方的搜索框查找。</p>
</section>`);
  return renderPublicLayout({ title: '未找到信息', bureauName, body });
}
