import { describe, expect, it } from 'vitest';
import { renderCatalogList, listHref, type CatalogListView } from './catalog-list';
import { renderCatalogDocument, toParagraphs, type CatalogDocumentView } from './catalog-document';
import { renderNotFound } from './not-found';
import { renderPublicLayout, fragment } from './layout';
import { html } from 'hono/html';

const EVIL = '<script>alert("x")</script>';

function listView(overrides: Partial<CatalogListView> = {}): CatalogListView {
  return {
    bureauName: '清源市民政局',
    categories: [
      { code: 'social-assistance', name: '社会救助', count: 41 },
      { code: 'policy', name: '政策文件', count: 3 },
    ],
    activeCategory: 'social-assistance',
    items: [
      { id: 'a', indexNumber: '11369901MB03876256/2026-00003', title: '旧的通知', docNumber: '清民〔2026〕3号', publishedAt: '2026-02-01', categoryName: '社会救助' },
      { id: 'b', indexNumber: '11369901MB03876256/2026-00021', title: '关于调整低保标准的通知', docNumber: '清民〔2026〕21号', publishedAt: '2026-06-20', categoryName: '社会救助' },
    ],
    page: 2,
    pageCount: 5,
    sort: 'newest',
    ...overrides,
  };
}

function documentView(overrides: Partial<CatalogDocumentView> = {}): CatalogDocumentView {
  return {
    bureauName: '清源市民政局',
    indexNumber: '11369901MB03876256/2026-00040',
    title: '2026年第三季度临时救助对象公示',
    docNumber: '',
    issuingBody: '清源市民政局',
    categoryName: '社会救助',
    column: '重点领域信息公开/社会救助',
    writtenAt: '2026-10-15',
    publishedAt: '2026-10-16',
    validity: 'in_force',
    segments: [
      { kind: 'text', text: '现将救助对象公示如下：\n\n1. ' },
      { kind: 'removed', reason: '涉及个人隐私' },
      { kind: 'text', text: '，清溪街道柳湾社区，救助金额3000元。\n2. 白沙镇石桥村\n\n清源市民政局\n2026年10月15日' },
    ],
    attachments: [{ name: '公示名单.pdf', url: '/files/abc', size: 2048 }],
    ...overrides,
  };
}

describe('public catalog views', () => {
  it('escapes script in titles, bodies and reasons', () => {
    const list = renderCatalogList(listView({ items: [{ ...listView().items[0]!, title: EVIL, docNumber: EVIL }] }));
    const doc = renderCatalogDocument(
      documentView({
        title: EVIL,
        segments: [
          { kind: 'text', text: EVIL },
          { kind: 'removed', reason: EVIL },
        ],
        attachments: [{ name: EVIL, url: 'javascript:alert(1)', size: 10 }],
      }),
    );
    for (const out of [list, doc]) {
      expect(out).not.toContain('<script');
      expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    expect(doc).toContain('（此处依法删除：&lt;script&gt;');
    expect(doc).not.toContain('javascript:');
  });

  it('shows a removed segment only as its reason, inside the paragraph it interrupts', () => {
    const out = renderCatalogDocument(documentView());
    expect(out).toContain('<p class="lines">1. <span class="redaction">（此处依法删除：涉及个人隐私）</span>，清溪街道柳湾社区，救助金额3000元。<br>2. 白沙镇石桥村</p>');
    expect(out).toContain('<p class="lines">清源市民政局<br>2026年10月15日</p>');
    expect(toParagraphs(documentView().segments)).toHaveLength(3);
  });

  it('renders the metadata table with validity and a dash for a missing 发文字号', () => {
    const out = renderCatalogDocument(documentView({ validity: 'repealed' }));
    for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '发文字号', '发布日期', '有效性']) {
      expect(out).toContain(`<th scope="row">${label}</th>`);
    }
    expect(out).toContain('<td>废止</td>');
    expect(out).toContain('<td>—</td>');
    expect(out).toContain('<a href="/files/abc" download>公示名单.pdf</a>');
  });

  it('keeps the category on every pagination link', () => {
    const out = renderCatalogList(listView());
    expect(out).toContain('href="/public?category=social-assistance"');
    expect(out).toContain('href="/public?category=social-assistance&amp;page=3"');
    expect(out).toContain('rel="next" href="/public?category=social-assistance&amp;page=3"');
    expect(out).toContain('<span class="current" aria-current="page">2</span>');
    const pageLinks = [...out.matchAll(/class="pagination"[\s\S]*?<\/nav>/g)][0]![0];
    for (const href of pageLinks.matchAll(/href="([^"]*)"/g)) expect(href[1]).toContain('category=social-assistance');
    expect(listHref(null, 2)).toBe('/public?page=2');
  });

  it('orders oldest first when asked, and keeps the order on page and category links', () => {
    const out = renderCatalogList(listView({ sort: 'oldest' }));
    expect(out.indexOf('旧的通知')).toBeLessThan(out.indexOf('关于调整低保标准的通知'));
    expect(out).toContain('href="/public?category=social-assistance&amp;sort=oldest&amp;page=3"');
    expect(out).toContain('<span class="current" aria-current="true">最早发布在前</span>');
    expect(out).toContain('<a href="/public?category=social-assistance">最新发布在前</a>');
    expect(listHref(null, 1, 'oldest')).toBe('/public?sort=oldest');
  });

  it('lists newest first and links by encoded 索引号', () => {
    const out = renderCatalogList(listView());
    expect(out.indexOf('关于调整低保标准的通知')).toBeLessThan(out.indexOf('旧的通知'));
    expect(out).toContain('href="/public/documents/11369901MB03876256%2F2026-00021"');
    expect(out).toContain('<a href="/public"><span>全部</span><span class="count">44</span></a>');
  });

  it('shows the empty state and no pagination when there is nothing published', () => {
    const out = renderCatalogList(listView({ items: [], activeCategory: null, page: 1, pageCount: 1 }));
    expect(out).toContain('暂无已发布信息');
    expect(out).not.toContain('class="pagination"');
    expect(out).toContain('aria-current="page"><span>全部</span>');
  });

  it('emits full Chinese documents with no script anywhere', () => {
    const pages = [
      renderCatalogList(listView()),
      renderCatalogDocument(documentView()),
      renderNotFound('清源市民政局'),
      renderPublicLayout({ title: EVIL, bureauName: EVIL, body: fragment(html`<p>x</p>`) }),
    ];
    for (const out of pages) {
      expect(out.startsWith('<!doctype html>')).toBe(true);
      expect(out).toContain('<html lang="zh-CN">');
      expect(out).toContain('href="/public/assets/catalog.css"');
      expect(out).toContain('action="/public/search"');
      expect(out).not.toMatch(/<script/i);
      expect(out).not.toMatch(/\son\w+=/i);
    }
    expect(renderNotFound('清源市民政局')).toContain('未找到');
  });
});

describe('annual report tables on the public page', () => {
  const grid = {
    key: 'appeals' as const,
    width: 2,
    rows: [
      [{ text: '结果维持', header: true }, { text: `总计${EVIL}`, header: true }],
      [{ text: '1', ref: 'appeals/reconsideration/upheld' }, { text: '1', ref: 'appeals/reconsideration/total' }],
    ],
  };
  const table = { caption: '政府信息公开行政复议、行政诉讼情况', grid, text: '结果维持 1，总计 1' };

  it('shows the paragraph that is exactly the table text as a table with caption, header and right-aligned numbers', () => {
    const out = renderCatalogDocument(documentView({ segments: [{ kind: 'text', text: '四、复议诉讼\n\n结果维持 1，总计 1\n\n五、问题' }], tables: [table] }));
    expect(out).toContain('<caption id="report-table-appeals-caption">表1　政府信息公开行政复议、行政诉讼情况</caption>');
    expect(out).toMatch(/<thead><tr><th scope="col" class="col-heading">结果维持<\/th>/);
    expect(out).toContain('<td class="num" data-ref="appeals/reconsideration/upheld">1</td>');
    expect(out).not.toContain('结果维持 1，总计 1');
    expect(out).not.toContain(EVIL);
  });

  it('leaves a paragraph touched by a redaction as text: no figures beyond what the body shows', () => {
    const out = renderCatalogDocument(documentView({ segments: [{ kind: 'text', text: '结果维持 1，' }, { kind: 'removed', reason: '涉及个人隐私' }], tables: [table] }));
    expect(out).not.toContain('<table class="report-table');
    expect(out).toContain('结果维持 1，');
  });
});
