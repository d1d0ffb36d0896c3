/**
 * One published item of the catalog: the standard metadata table (索引号, 主题分类, 发布机构,
 * 成文日期, 发文字号, 发布日期, 有效性), the title and the body. A body published 删减后公开
 * arrives as segments; a removed segment carries only its reason, never the removed text,
 * so this view cannot leak it even by mistake.
 */
import { html } from 'hono/html';
import { fragment, renderPublicLayout, type HtmlFragment } from './layout';
import { renderReportTable, type PublicReportTable } from './report-table';

export type Validity = 'in_force' | 'repealed' | 'expired';

export type BodySegment = { kind: 'text'; text: string } | { kind: 'removed'; reason: string };

export interface CatalogDocumentView {
  bureauName: string;
  indexNumber: string;
  title: string;
  docNumber: string;
  issuingBody: string;
  categoryName: string;
  column: string;
  writtenAt: string;
  publishedAt: string;
  validity: Validity;
  segments: BodySegment[];
  attachments: { name: string; url: string; size: number }[];
  /**
   * Tables recorded with the document (an annual report's), each with the body text that
   * stands for it: a paragraph of exactly that text is shown as the table instead.
   */
  tables?: (PublicReportTable & { text: string })[];
}

export const VALIDITY_LABELS: Record<Validity, string> = {
  in_force: '有效',
  repealed: '废止',
  expired: '失效',
};

type Inline = { kind: 'text'; text: string } | { kind: 'removed'; reason: string };

/**
 * Regroups segments into paragraphs. A removed passage sits inside a sentence, so a
 * paragraph may span several segments; only a blank line in the text starts a new one.
 *
 * @example toParagraphs([{ kind: 'text', text: 'a\n\nb' }]) // [[text 'a'], [text 'b']]
 */
export function toParagraphs(segments: BodySegment[]): Inline[][] {
  const paragraphs: Inline[][] = [[]];
  for (const segment of segments) {
    if (segment.kind === 'removed') {
      paragraphs[paragraphs.length - 1]!.push({ kind: 'removed', reason: segment.reason });
      continue;
    }
    const parts = segment.text.replace(/\r\n?/g, '\n').split(/\n[ \t\u3000]*\n\s*/);
    parts.forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part !== '') paragraphs[paragraphs.length - 1]!.push({ kind: 'text', text: part });
    });
  }
  return paragraphs.filter((p) => p.some((piece) => piece.kind === 'removed' || piece.text.trim() !== ''));
}

function renderInline(piece: Inline): HtmlFragment {
  if (piece.kind === 'removed') {
    const reason = piece.reason.trim();
    return fragment(
      reason
        ? html`<span class="redaction">（此处依法删除：${reason}）</span>`
        : html`<span class="redaction">（此处依法删除）</span>`,
    );
  }
  // Single newlines are line structure (lists, 落款): keep them as line breaks.
  const lines = piece.text.split('\n');
  return fragment(html`${lines.map((line, i) => (i === 0 ? line : html`<br>${line}`))}`);
}

/** Only links that cannot run script: site-relative paths and http(s) URLs. */
function isSafeUrl(url: string): boolean {
  return /^\/(?!\/)/.test(url) || /^https?:\/\//i.test(url);
}

/** Human-readable size, as the portal shows it: 12 KB, 1.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function renderAttachments(attachments: CatalogDocumentView['attachments']): HtmlFragment | '' {
  if (attachments.length === 0) return '';
  return fragment(html`<section class="attachments" aria-labelledby="attachments-heading">
  <h2 id="attachments-heading">附件</h2>
  <ol>
    ${attachments.map(
      (a) => html`<li>${isSafeUrl(a.url) ? html`<a href="${a.url}" download>${a.name}</a>` : a.name}
        <span class="size">（${formatSize(a.size)}）</span></li>`,
    )}
  </ol>
</section>`);
}

/**
 * The recorded table whose text is exactly this paragraph. A paragraph touched by a
 * redaction, or edited after the tables were recorded, matches none and stays text, so the
 * page never shows figures the published body does not.
 */
function tableFor(paragraph: Inline[], tables: NonNullable<CatalogDocumentView['tables']>) {
  const [only] = paragraph;
  if (paragraph.length !== 1 || only?.kind !== 'text') return undefined;
  const text = only.text.trim();
  return tables.find((t) => t.text === text);
}

/**
 * The whole document page, as an HTML string.
 *
 * @example renderCatalogDocument({ ...view, segments: [{ kind: 'text', text: '正文' }] })
 */
export function renderCatalogDocument(view: CatalogDocumentView): string {
  const body = fragment(html`<article class="catalog-document">
  <table class="meta-table">
    <caption class="visually-hidden">信息基本情况</caption>
    <tbody>
      <tr><th scope="row">索引号</th><td>${view.indexNumber}</td><th scope="row">主题分类</th><td>${view.categoryName}</td></tr>
      <tr><th scope="row">发布机构</th><td>${view.issuingBody}</td><th scope="row">成文日期</th><td>${view.writtenAt}</td></tr>
      <tr><th scope="row">发文字号</th><td>${view.docNumber || '—'}</td><th scope="row">发布日期</th><td>${view.publishedAt}</td></tr>
      <tr><th scope="row">有效性</th><td>${VALIDITY_LABELS[view.validity]}</td><th scope="row">所属栏目</th><td>${view.column}</td></tr>
    </tbody>
  </table>
  <h1 class="document-title">${view.title}</h1>
  <div class="document-body">
    ${toParagraphs(view.segments).map((p) => {
      const table = tableFor(p, view.tables ?? []);
      if (table) return renderReportTable(table, (view.tables ?? []).indexOf(table) + 1);
      // A multi-line paragraph is a list or a 落款: a first-line indent would misalign it.
      return p.some((piece) => piece.kind === 'text' && piece.text.includes('\n'))
        ? html`<p class="lines">${p.map(renderInline)}</p>`
        : html`<p>${p.map(renderInline)}</p>`;
    })}
  </div>
  ${renderAttachments(view.attachments)}
  <p class="back-link"><a href="/public">返回目录</a></p>
</article>`);
  return renderPublicLayout({ title: view.title, bureauName: view.bureauName, body });
}
