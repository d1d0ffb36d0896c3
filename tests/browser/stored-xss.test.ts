/**
 * Stored XSS: payloads saved through the API (title, document number, body, redaction
 * reason, approve and return opinions, attachment file names) must come back as text on
 * every staff page and on the public catalog, and must never run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { ACTOR_FOR_STEP, ALL_CHECKS, driveThroughReview, signInAll, type Clients } from '../support/review-driver';
import { BODY, categoryId, draftInput, partialOverrides } from '../support/draft-input';
import { launchBrowser, screenshot } from './browser';
import { signIn } from './staff-actions';

const P_SCRIPT = '<script>window.__xss=1</script>';
const P_IMG = '<img src=x onerror="window.__xss=1">';
const P_SVG = '"><svg onload=window.__xss=1>';
const P_JS = 'javascript:window.__xss=1';
/** File names: path.basename() keeps everything after the last '/', so these carry no slash. */
const FILE_IMG = '<img src=x onerror=window.__xss=1>.pdf';
const FILE_SVG = '"><svg onload=window.__xss=1>.pdf';

const TITLE_OPEN = `甲公开 ${P_SCRIPT} ${P_IMG}`;
const TITLE_PARTIAL = `乙部分公开 ${P_SVG} ${P_JS}`;
const TITLE_RETURNED = `丙退回 ${P_IMG} ${P_SCRIPT}`;
const TITLE_PENDING = `丁待审 ${P_SVG} ${P_IMG}`;
const DOC_NUMBER = `清民〔2026〕${P_SVG}号`;
const BODY_LINE = `附注：${P_SCRIPT} ${P_IMG} ${P_SVG} ${P_JS}`;
const REDACTION_REASON = `涉及个人隐私 ${P_IMG} ${P_SCRIPT}`;
const OPINION_LEGAL = `同意 ${P_IMG} ${P_JS}`;
const OPINION_SECRECY = `同意 ${P_SCRIPT} ${P_SVG}`;
const OPINION_RETURN = `退回修改 ${P_SVG} ${P_SCRIPT}`;

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const DAY = 24 * 60 * 60 * 1000;

// A clock the test moves: documents are created today, the browser visits two months later,
// when the still-open tasks are overdue and so show on the deadline board.
let clock = Date.now();
let server: TestServer;
let browser: Browser;
let clients: Clients;
const ids = { open: '', partial: '', returned: '', pending: '' };

async function upload(client: Clients[string], documentId: string, name: string): Promise<void> {
  const form = new FormData();
  form.set('file', new File([PDF], name, { type: 'application/pdf' }));
  const response = await client.fetch(`/api/documents/${documentId}/attachments`, { method: 'POST', body: form });
  expect(response.status, await response.clone().text()).toBe(201);
}

/** Approves the current step as whoever holds it, with the given opinion. */
async function approveWith(documentId: string, opinion: string): Promise<void> {
  const probe = await clients.drafter!.trpc.documents.get.query({ id: documentId });
  const username = ACTOR_FOR_STEP[probe.currentStep.id]!;
  const client = clients[username]!;
  const doc = await client.trpc.documents.get.query({ id: documentId });
  await client.trpc.review.approve.mutate({ documentId, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion, checks: ALL_CHECKS });
}

async function submit(documentId: string): Promise<void> {
  const doc = await clients.drafter!.trpc.documents.get.query({ id: documentId });
  await clients.drafter!.trpc.review.submit.mutate({ documentId, expectedVersion: doc.version });
}

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  clients = await signInAll(server.url, ['drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
  const drafter = clients.drafter!;
  const category = await categoryId(drafter, 'notice');

  // 1. Open document, payloads everywhere, published.
  const open = await drafter.trpc.documents.create.mutate(
    draftInput(category, { title: TITLE_OPEN, docNumber: DOC_NUMBER, body: `${BODY}\n\n${BODY_LINE}` }),
  );
  ids.open = open.id;
  await upload(drafter, open.id, FILE_IMG);
  await upload(drafter, open.id, FILE_SVG);
  await submit(open.id);
  await approveWith(open.id, OPINION_LEGAL);
  await approveWith(open.id, OPINION_SECRECY);
  await driveThroughReview(clients, open.id);

  // 2. Partial document, payload in the redaction reason, published.
  const partial = partialOverrides();
  const partialDoc = await drafter.trpc.documents.create.mutate(
    draftInput(category, { ...partial, title: TITLE_PARTIAL, redactions: partial.redactions!.map((r) => ({ ...r, reason: REDACTION_REASON })) }),
  );
  ids.partial = partialDoc.id;
  await upload(drafter, partialDoc.id, FILE_IMG);
  await submit(partialDoc.id);
  await driveThroughReview(clients, partialDoc.id);

  // 3. Returned document, payload in the return opinion.
  const returned = await drafter.trpc.documents.create.mutate(draftInput(category, { title: TITLE_RETURNED }));
  ids.returned = returned.id;
  await submit(returned.id);
  const atLegal = await clients.legal!.trpc.documents.get.query({ id: returned.id });
  await clients.legal!.trpc.review.return.mutate({ documentId: returned.id, expectedVersion: atLegal.version, taskId: atLegal.openTask!.id, opinion: OPINION_RETURN });

  // 4. A document left waiting at legality review: its task goes overdue on the deadline board.
  const pending = await drafter.trpc.documents.create.mutate(draftInput(category, { title: TITLE_PENDING }));
  ids.pending = pending.id;
  await submit(pending.id);

  expect((await drafter.trpc.documents.get.query({ id: ids.open })).status).toBe('published');
  expect((await drafter.trpc.documents.get.query({ id: ids.partial })).status).toBe('published');
  expect((await drafter.trpc.documents.get.query({ id: ids.returned })).status).toBe('returned');

  clock += 60 * DAY;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watch {
  dialogs: string[];
  errors: string[];
}

async function watchedPage(context: BrowserContext): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage();
  const watch: Watch = { dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => watch.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(`console: ${m.text()}`);
  });
  return { page, watch };
}

/**
 * Visits `path`, waits until every `expected` string shows as text, then asserts that no
 * payload ran: no window.__xss, no dialog, no page error, and no element the payloads would
 * have created (an <img src=x>, an on* handler, a javascript: link, an inline script that is
 * not the app's own).
 */
async function visit(page: Page, watch: Watch, path: string, expected: string[]): Promise<void> {
  const where = `${path}`;
  await page.goto(`${server.url}${path}`);
  for (const text of expected) {
    await page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout: 10_000 }).catch(() => undefined);
    expect(await page.locator('body').innerText(), `${where} shows ${JSON.stringify(text)} as text`).toContain(text);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `window.__xss on ${where}`).toBeUndefined();
  const injected = await page.evaluate(() => ({
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).map((el) => el.outerHTML.slice(0, 120)),
    imgX: document.querySelectorAll('img[src="x"]').length,
    svg: [...document.querySelectorAll('svg')].filter((s) => s.hasAttribute('onload')).length,
    jsLinks: [...document.querySelectorAll('a[href], [src], form[action]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '')
      .filter((v) => /^\s*javascript:/i.test(v)),
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
  }));
  expect(injected, `markup injected on ${where}`).toEqual({ handlers: [], imgX: 0, svg: 0, jsLinks: [], scripts: 0 });
  expect(watch.dialogs, `dialogs on ${where}`).toEqual([]);
  expect(watch.errors, `page errors on ${where}`).toEqual([]);
}

const laptop = () => browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

describe('stored XSS payloads render as text and never run', () => {
  it('the drafter sees them as text in 我的待办, 我的起草, each document page, each review sheet and the deadline board', async () => {
    const context = await laptop();
    const { page, watch } = await watchedPage(context);
    await signIn(page, server.url, 'drafter');
    await visit(page, watch, '/', [TITLE_RETURNED]);
    await visit(page, watch, '/mine', [TITLE_OPEN, TITLE_PARTIAL, TITLE_RETURNED, TITLE_PENDING]);

    await visit(page, watch, `/documents/${ids.open}`, [TITLE_OPEN, DOC_NUMBER, BODY_LINE, FILE_IMG, FILE_SVG, OPINION_LEGAL, OPINION_SECRECY]);
    await screenshot(page, '60-xss-document');
    await visit(page, watch, `/documents/${ids.partial}`, [TITLE_PARTIAL, REDACTION_REASON, FILE_IMG]);
    await visit(page, watch, `/documents/${ids.returned}`, [TITLE_RETURNED, OPINION_RETURN]);
    await visit(page, watch, `/documents/${ids.pending}`, [TITLE_PENDING]);

    await visit(page, watch, `/documents/${ids.open}/sheet`, [TITLE_OPEN, OPINION_LEGAL, OPINION_SECRECY]);
    await visit(page, watch, `/documents/${ids.partial}/sheet`, [TITLE_PARTIAL]);
    await visit(page, watch, `/documents/${ids.returned}/sheet`, [TITLE_RETURNED, OPINION_RETURN]);

    await visit(page, watch, '/deadlines', [TITLE_PENDING]);
    await context.close();
  });

  it('the legality reviewer sees the pending document in 我的待办 and on the deadline board; the publisher on the board', async () => {
    const context = await laptop();
    const { page, watch } = await watchedPage(context);
    await signIn(page, server.url, 'legal');
    await visit(page, watch, '/', [TITLE_PENDING]);
    await visit(page, watch, `/documents/${ids.pending}`, [TITLE_PENDING]);
    await visit(page, watch, '/deadlines', [TITLE_PENDING]);
    await context.close();

    const publisherContext = await laptop();
    const publisher = await watchedPage(publisherContext);
    await signIn(publisher.page, server.url, 'publisher');
    await visit(publisher.page, publisher.watch, '/deadlines', [TITLE_PENDING]);
    await visit(publisher.page, publisher.watch, `/documents/${ids.open}`, [TITLE_OPEN, OPINION_LEGAL]);
    await publisherContext.close();
  });

  it('the public catalog and each public document page show them as text', async () => {
    const context = await laptop();
    const { page, watch } = await watchedPage(context);
    await visit(page, watch, '/public', [TITLE_OPEN, TITLE_PARTIAL]);
    const hrefs: Record<string, string> = {};
    for (const title of [TITLE_OPEN, TITLE_PARTIAL]) {
      const href = await page.locator('a', { hasText: title }).first().getAttribute('href');
      expect(href, `catalog link for ${title}`).toMatch(/^\/public\/documents\//);
      hrefs[title] = href!;
    }
    await visit(page, watch, hrefs[TITLE_OPEN]!, [TITLE_OPEN, BODY_LINE, FILE_IMG, FILE_SVG]);
    // A partial document publishes no attachments (they may hold the removed passage), nor the redaction reason.
    await visit(page, watch, hrefs[TITLE_PARTIAL]!, [TITLE_PARTIAL, '（此处依法删除：保护第三方合法权益）']);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain(FILE_IMG);
    await context.close();
  });
});
