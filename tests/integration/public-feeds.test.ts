/**
 * The catalog's outward channels — Atom feeds, sitemap.xml, the JSON API and its OpenAPI
 * document — over a real server: well-formed, complete, and never carrying redacted,
 * non-public, on-request or withdrawn content.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { BODY, SECRET_PASSAGE, categoryId, draftInput, partialOverrides } from '../support/draft-input';
import { publicDocument, publicDocumentList, publicCategoryList } from '../../server/http/public-api-openapi';
import type { DraftDocumentInput } from '../../forms/index';

let server: TestServer;
let clients: Clients;
const NON_PUBLIC_TEXT = '局党组会议关于科室负责人调整的讨论意见，不对外公开。';
const ON_REQUEST_TEXT = '某企业申请材料中的经营数据，仅向申请人提供。';
const SECRET_PIECES = [SECRET_PASSAGE, '11010519491231002X', '13812345678'];
const published: Record<string, { indexNumber: string; title: string }> = {};

async function reviewed(overrides: Partial<DraftDocumentInput>, category = 'notice') {
  const input = draftInput(await categoryId(clients.drafter!, category), overrides);
  const created = await clients.drafter!.trpc.documents.create.mutate(input);
  await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  await driveThroughReview(clients, created.id);
  return clients.drafter!.trpc.documents.get.query({ id: created.id });
}

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  const open = await reviewed({ title: '关于发布养老服务补贴目录的通知' }, 'policy');
  const partial = await reviewed({ title: '临时救助审批结果公示', ...partialOverrides() });
  await reviewed({ title: '科室负责人调整讨论意见', body: `${BODY}\n\n${NON_PUBLIC_TEXT}`, attribute: 'non_public', legalGround: 'internal_affairs', attributeReason: '属于内部人事管理事务', channels: [] });
  await reviewed({ title: '企业经营数据材料', body: `${BODY}\n\n${ON_REQUEST_TEXT}`, attribute: 'on_request', attributeReason: '涉及特定企业，仅依申请提供', channels: [] });
  const withdrawn = await reviewed({ title: '已撤回的旧通知' });
  await clients.publisher!.trpc.publication.withdraw.mutate({ documentId: withdrawn.id, expectedVersion: withdrawn.version, reason: '内容已调整，撤回原稿' });
  published.open = { indexNumber: open.indexNumber!, title: open.title };
  published.partial = { indexNumber: partial.indexNumber!, title: partial.title };
}, 60_000);
afterAll(() => server.close());

const get = (path: string) => fetch(`${server.url}${path}`);
const FORBIDDEN_TEXTS = () => [...SECRET_PIECES, NON_PUBLIC_TEXT, ON_REQUEST_TEXT, '科室负责人调整讨论意见', '企业经营数据材料', '已撤回的旧通知'];

function expectNoConfidentialText(text: string) {
  for (const piece of FORBIDDEN_TEXTS()) expect(text, `leaked: ${piece}`).not.toContain(piece);
}

describe('Atom feeds', () => {
  it('lists the published items, newest first, with the public text only', async () => {
    const response = await get('/public/feed.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const text = await response.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(text).feed;
    const entries = [feed.entry].flat();
    const titles = entries.map((e: { title: string | { '#text': string } }) => (typeof e.title === 'string' ? e.title : e.title['#text']));
    expect(titles).toContain(published.open!.title);
    expect(titles).toContain(published.partial!.title);
    // Newest first: the partial notice was published after the open one.
    expect(titles.indexOf(published.partial!.title)).toBeLessThan(titles.indexOf(published.open!.title));
    const partialEntry = entries.find((e: { id: string }) => e.id.endsWith(encodeURIComponent(published.partial!.indexNumber)));
    expect(JSON.stringify(partialEntry)).toContain('此处依法删除');
    expect(JSON.stringify(partialEntry)).toContain('城市低保标准由每人每月860元提高到每人每月900元');
    expectNoConfidentialText(text);
  });

  it('has one feed per category holding only that category', async () => {
    const text = await (await get('/public/categories/policy/feed.atom')).text();
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain(published.open!.title);
    expect(text).not.toContain(published.partial!.title);
    expect((await get('/public/categories/nope/feed.atom')).status).toBe(404);
  });
});

describe('the HTML catalog list', () => {
  it('lists newest first, or oldest first when asked, and says which', async () => {
    const newest = await (await get('/public')).text();
    expect(newest.indexOf(published.partial!.title)).toBeLessThan(newest.indexOf(published.open!.title));
    const oldest = await (await get('/public?sort=oldest')).text();
    expect(oldest.indexOf(published.open!.title)).toBeLessThan(oldest.indexOf(published.partial!.title));
    expect(oldest).toContain('<span class="current" aria-current="true">最早发布在前</span>');
    expectNoConfidentialText(oldest);
  });
});

describe('sitemap.xml', () => {
  it('names the catalog, its categories and every public document, and nothing else', async () => {
    const response = await get('/sitemap.xml');
    expect(response.headers.get('content-type')).toMatch(/application\/xml/);
    const text = await response.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const locs = [new XMLParser().parse(text).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(locs).toContain(`${server.url}/public`);
    // Every page the sitemap lists answers (the catalog once had a trailing slash that did not).
    for (const loc of locs.slice(0, 5)) expect((await fetch(loc)).status, loc).toBe(200);
    const slashed = await fetch(`${server.url}/public/?category=notice`, { redirect: 'manual' });
    expect(slashed.status).toBe(301);
    expect(slashed.headers.get('location')).toBe('/public?category=notice');
    expect(locs).toContain(`${server.url}/public?category=policy`);
    expect(locs).toContain(`${server.url}/public/documents/${encodeURIComponent(published.partial!.indexNumber)}`);
    const catalog = await (await get('/public/api/documents')).json();
    expect(locs.filter((l: string) => l.includes('/public/documents/'))).toHaveLength(catalog.total);
    expect((await get('/sitemap/2.xml')).status).toBe(404);
    expect((await get('/sitemap/x.xml')).status).toBe(404);
  });
});

describe('JSON API', () => {
  it('is described by a valid OpenAPI 3.1 document', async () => {
    const doc = await (await get('/public/api/openapi.json')).json();
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(['/public/api/documents', '/public/api/documents/{indexNumber}', '/public/api/categories']);
  });

  it('answers in the documented shapes, with redactions applied', async () => {
    const list = publicDocumentList.parse(await (await get('/public/api/documents')).json());
    expect(list.items.map((i) => i.title)).toEqual(expect.arrayContaining([published.open!.title, published.partial!.title]));
    const byCategory = publicDocumentList.parse(await (await get('/public/api/documents?category=policy')).json());
    expect(byCategory.items.every((i) => i.category.code === 'policy')).toBe(true);
    // Totals come from the trigger-kept counts: the category's alone, and all categories' sum.
    expect(byCategory.total).toBe(byCategory.items.length);
    expect(byCategory.total).toBeLessThan(list.total);
    const one = publicDocument.parse(await (await get(`/public/api/documents/${encodeURIComponent(published.partial!.indexNumber)}`)).json());
    expect(one.body).toContain('（此处依法删除：');
    expectNoConfidentialText(JSON.stringify(list) + JSON.stringify(one));
    publicCategoryList.parse(await (await get('/public/api/categories')).json());
    expect(list.total).toBe(list.items.length);
  });

  it('lets any site read it (CORS), read-only', async () => {
    const response = await fetch(`${server.url}/public/api/documents`, { headers: { Origin: 'https://portal.example.gov.cn' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const post = await fetch(`${server.url}/public/api/documents`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
  });

  it('refuses bad parameters with a clear error', async () => {
    const bad = await get('/public/api/documents?page=0');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/page/);
    expect((await get('/public/api/documents?category=nope')).status).toBe(404);
    expect((await get('/public/api/documents/000000000-000000000%2F2026-99999')).status).toBe(404);
  });
});
