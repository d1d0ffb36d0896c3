import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { Feed } from 'feed';
import {
  API_PAGE_SIZE,
  FEED_SIZE,
  bureauName,
  findCategory,
  listPublicItems,
  publicCategories,
  publicFeedEntries,
  publicItem,
} from '../services/public-feed-service';
import { publicApiOpenApi } from './public-api-openapi';
import type { ServiceContext } from '../services/service-context';

/** The most URLs one sitemap file may hold (sitemaps.org); beyond it /sitemap.xml becomes an index. */
export const SITEMAP_LIMIT = 50_000;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (s: string) => s.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);

/**
 * Links in feeds and sitemaps are absolute. They use the address the request came in on
 * (behind a proxy, set it to pass the public Host) and the path Shenfa is mounted at.
 */
const siteUrl = (services: ServiceContext, c: Context) => new URL(c.req.url).origin + services.config.basePath;
const documentUrl = (origin: string, indexNumber: string) => `${origin}/public/documents/${encodeURIComponent(indexNumber)}`;

function positiveInt(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : null;
}

async function atomFeed(services: ServiceContext, c: Context, category: { id: string; code: string; name: string } | null) {
  const origin = siteUrl(services, c);
  const name = await bureauName(services);
  const { items } = await listPublicItems(services, { categoryId: category?.id, limit: FEED_SIZE, offset: 0 });
  const self = category ? `${origin}/public/categories/${encodeURIComponent(category.code)}/feed.atom` : `${origin}/public/feed.atom`;
  const feed = new Feed({
    id: self,
    title: category ? `${name}政府信息公开目录 · ${category.name}` : `${name}政府信息公开目录`,
    link: category ? `${origin}/public?category=${encodeURIComponent(category.code)}` : `${origin}/public`,
    language: 'zh-CN',
    updated: new Date(items[0]?.publishedMs ?? 0),
    generator: 'Shenfa',
    copyright: name,
    feedLinks: { atom: self },
    author: { name },
  });
  const entries = await publicFeedEntries(services, items.map((i) => i.indexNumber));
  const publishedMs = new Map(items.map((i) => [i.indexNumber, i.publishedMs]));
  for (const item of entries) {
    const url = documentUrl(origin, item.indexNumber);
    feed.addItem({
      id: url,
      link: url,
      title: item.title,
      date: new Date(publishedMs.get(item.indexNumber) ?? 0),
      description: [item.docNumber, `索引号 ${item.indexNumber}`, item.category].filter(Boolean).join(' · '),
      content: item.body,
      category: [{ name: item.category }],
      author: [{ name: item.issuingBody }],
    });
  }
  return c.body(feed.atom1(), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
}

function urlset(urls: string[]): string {
  const body = urls.map((u) => `<url><loc>${xml(u)}</loc></url>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>\n`;
}

const xmlResponse = (c: Context, text: string) => c.body(text, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' });

/**
 * Outward, machine-readable views of the public catalog: Atom feeds (overall and per
 * category), sitemap.xml and a read-only JSON API described by an OpenAPI document.
 * Mounted at the root, before the HTML catalog and the SPA fallback.
 */
export function publicFeedRoutes(services: ServiceContext) {
  const app = new Hono();

  app.get('/public/feed.atom', (c) => atomFeed(services, c, null));
  app.get('/public/categories/:code/feed.atom', async (c) => {
    const category = await findCategory(services, c.req.param('code'));
    if (!category) return c.text('未找到该目录分类', 404);
    return atomFeed(services, c, category);
  });

  app.get('/sitemap.xml', async (c) => {
    const origin = siteUrl(services, c);
    const { total } = await listPublicItems(services, { limit: 0, offset: 0 });
    if (total + 1 > SITEMAP_LIMIT) {
      const files = Math.ceil(total / SITEMAP_LIMIT);
      const entries = Array.from({ length: files }, (_, i) => `<sitemap><loc>${xml(`${origin}/sitemap/${i + 1}.xml`)}</loc></sitemap>`).join('');
      return xmlResponse(c, `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>\n`);
    }
    const cats = await publicCategories(services);
    const { items } = await listPublicItems(services, { limit: SITEMAP_LIMIT, offset: 0 });
    return xmlResponse(
      c,
      urlset([
        `${origin}/public`,
        ...cats.map((cat) => `${origin}/public?category=${encodeURIComponent(cat.code)}`),
        ...items.map((i) => documentUrl(origin, i.indexNumber)),
      ]),
    );
  });
  app.get('/sitemap/:file', async (c) => {
    const match = /^([0-9]+)\.xml$/.exec(c.req.param('file'));
    const n = match ? positiveInt(match[1], 1) : null;
    if (n === null) return c.text('未找到', 404);
    const { items } = await listPublicItems(services, { limit: SITEMAP_LIMIT, offset: (n - 1) * SITEMAP_LIMIT });
    if (items.length === 0) return c.text('未找到', 404);
    return xmlResponse(c, urlset(items.map((i) => documentUrl(siteUrl(services, c), i.indexNumber))));
  });

  // The JSON API is read-only and public: any site may read it; no cookies are involved.
  app.use('/public/api/*', cors({ origin: '*', allowMethods: ['GET'] }));
  app.get('/public/api/openapi.json', (c) => c.json(publicApiOpenApi(siteUrl(services, c))));
  app.get('/public/api/categories', async (c) => c.json({ items: await publicCategories(services) }));
  app.get('/public/api/documents', async (c) => {
    const page = positiveInt(c.req.query('page'), 1);
    if (page === null) return c.json({ error: { code: 'BAD_REQUEST', message: 'page 须为正整数' } }, 400);
    const code = c.req.query('category');
    const category = code ? await findCategory(services, code) : null;
    if (code && !category) return c.json({ error: { code: 'NOT_FOUND', message: '未找到该目录分类' } }, 404);
    const { items, total } = await listPublicItems(services, { categoryId: category?.id, limit: API_PAGE_SIZE, offset: (page - 1) * API_PAGE_SIZE });
    return c.json({
      items: items.map(({ publishedMs: _ms, ...rest }) => ({ ...rest, url: documentUrl(siteUrl(services, c), rest.indexNumber) })),
      page,
      pageSize: API_PAGE_SIZE,
      total,
    });
  });
  app.get('/public/api/documents/:indexNumber', async (c) => {
    const item = await publicItem(services, c.req.param('indexNumber'));
    if (!item) return c.json({ error: { code: 'NOT_FOUND', message: '未找到该公开信息' } }, 404);
    const origin = siteUrl(services, c);
    return c.json({ ...item, url: documentUrl(origin, item.indexNumber), attachments: item.attachments.map((a) => ({ ...a, url: `${origin}${a.url}` })) });
  });
  app.all('/public/api/*', (c) => c.json({ error: { code: 'NOT_FOUND', message: '接口不存在' } }, 404));
  return app;
}
