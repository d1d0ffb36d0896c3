/**
 * The public catalog's list and document pages, the pages the public reads most, run queries
 * prepared once per database (server/services/catalog-service.ts): building drizzle queries per
 * view was a third of a list page's CPU (issue 6). Once each kind of view has been served, no
 * further view builds a query; and the prepared queries answer as the built ones did: a
 * category's page lists that category only, oldest first reverses newest first, a document
 * page shows the document. A real libsql file and the real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { builtQueries } from '../support/built-queries';

const builds = builtQueries();

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  builds.restore();
  await server.close();
});

async function page(path: string): Promise<string> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The index numbers a list page links to, in order. */
const listed = (html: string) => [...html.matchAll(/href="\/public\/documents\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));

describe('the public catalog on prepared queries', () => {
  it('builds no query once each kind of view has been served, and answers as before', async () => {
    const { client } = server.services.database;
    const published = (await client.execute("SELECT d.index_number, d.attribute, c.code FROM documents d JOIN categories c ON c.id = d.category_id WHERE d.status = 'published' AND d.attribute IN ('open', 'partial') ORDER BY d.published_at DESC")).rows.map((r) => ({ indexNumber: String(r.index_number), attribute: String(r.attribute), category: String(r.code) }));
    // A fully open document's page also lists its attachments; a partial one's does not.
    const [openOne, openTwo] = published.filter((p) => p.attribute === 'open');
    const partial = published.find((p) => p.attribute === 'partial');
    expect(openTwo && partial).toBeTruthy();
    const category = published[0]!.category;
    const views = ['/public', '/public?sort=oldest', `/public?category=${category}`, `/public?category=${category}&sort=oldest`, `/public/documents/${encodeURIComponent(openOne!.indexNumber)}`, `/public/documents/${encodeURIComponent(partial!.indexNumber)}`];
    for (const view of views) await page(view);

    let newest: string[] = [], oldest: string[] = [], inCategory: string[] = [], inCategoryOldest: string[] = [], second: string[] = [], document = '';
    const built = await builds.during(async () => {
      newest = listed(await page('/public'));
      oldest = listed(await page('/public?sort=oldest'));
      inCategory = listed(await page(`/public?category=${category}`));
      inCategoryOldest = listed(await page(`/public?category=${category}&sort=oldest`));
      second = listed(await page('/public?page=2'));
      document = await page(`/public/documents/${encodeURIComponent(openTwo!.indexNumber)}`);
    });
    expect(built).toEqual([]);

    expect(newest).toEqual(published.slice(0, 20).map((p) => p.indexNumber));
    expect(oldest).toEqual([...published].reverse().slice(0, 20).map((p) => p.indexNumber));
    const ofCategory = published.filter((p) => p.category === category).map((p) => p.indexNumber);
    expect(inCategory).toEqual(ofCategory.slice(0, 20));
    expect(inCategoryOldest).toEqual([...ofCategory].reverse().slice(0, 20));
    expect(second).toEqual(published.length > 20 ? published.slice(20, 40).map((p) => p.indexNumber) : newest);
    expect(document).toContain(openTwo!.indexNumber);
  });
});
