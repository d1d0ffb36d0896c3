import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { getPublishedDocument, listPublished, publicAttachment } from '../services/catalog-service';
import { readAttachmentBytes, } from '../services/attachment-service';
import { readSetting, SETTING_KEYS } from '../services/settings';
import { renderCatalogList } from '../public/views/catalog-list';
import { renderCatalogDocument } from '../public/views/catalog-document';
import { renderNotFound } from '../public/views/not-found';
import { renderCatalogSearch } from '../public/views/catalog-search';
import { searchPublic } from '../services/search-service';
import { contentDisposition } from './file-routes';
import type { ServiceContext } from '../services/service-context';

const CSS_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '../public/assets/catalog.css');

function pageNumber(raw: string | undefined): number {
  const n = Number(raw ?? 1);
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : 1;
}

/** The public catalog (政府信息公开目录): server-rendered HTML, readable without JavaScript. */
export function publicRoutes(services: ServiceContext) {
  const app = new Hono();
  const css = fs.readFileSync(CSS_PATH, 'utf8');
  app.get('/assets/catalog.css', (c) => c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.get('/', async (c) => {
    const view = await listPublished(services, { categoryCode: c.req.query('category') ?? null, page: pageNumber(c.req.query('page')), sort: c.req.query('sort') === 'oldest' ? 'oldest' : 'newest' });
    return c.html(renderCatalogList(view));
  });
  app.get('/search', async (c) => {
    const query = (c.req.query('q') ?? '').slice(0, 100);
    const page = Math.min(pageNumber(c.req.query('page')), 50);
    const result = await searchPublic(services, query, page);
    return c.html(renderCatalogSearch({ bureauName: await readSetting(services.database.db, SETTING_KEYS.bureauName), query, page, hasMore: result.hasMore, items: result.items }));
  });
  app.get('/documents/:indexNumber', async (c) => {
    const view = await getPublishedDocument(services, c.req.param('indexNumber'));
    if (!view) return c.html(renderNotFound(await readSetting(services.database.db, SETTING_KEYS.bureauName)), 404);
    return c.html(renderCatalogDocument(view));
  });
  app.get('/attachments/:id', async (c) => {
    const attachment = await publicAttachment(services, c.req.param('id'));
    if (!attachment) return c.html(renderNotFound(await readSetting(services.database.db, SETTING_KEYS.bureauName)), 404);
    const bytes = await readAttachmentBytes(services, attachment.storedName);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': attachment.mime,
      'Content-Disposition': contentDisposition('attachment', attachment.originalName),
    });
  });
  // Any other public path is a 404 page here, not the staff app's index.html.
  app.all('*', async (c) => c.html(renderNotFound(await readSetting(services.database.db, SETTING_KEYS.bureauName)), 404));
  return app;
}
