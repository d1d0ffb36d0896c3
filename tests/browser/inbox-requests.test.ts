/**
 * Landing on 我的待办 asks the server for each thing it shows once. The header's count and the
 * page both want the inbox and the validity changes; the client's shared-queries link
 * (client/src/shared-queries-link.ts) sends each of them once. Opening a document from there
 * asks for the document, not for the header's counts again while they are fresh
 * (client/src/session/header-count-refresh.ts); back on 我的待办 the count is asked with the list.
 * The page itself says who it was served for, so nobody waits for `auth.me` first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import type { Page } from 'playwright-core';
import { browserSuite, LAPTOP, scriptsOf, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const suite = browserSuite();
const TITLE = '关于开展2027年度政务公开工作要点落实情况自查的通知';

beforeAll(async () => {
  // A document waiting for the legality reviewer.
  const drafter = await signedIn(suite.server.url, 'drafter');
  const created = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title: TITLE }));
  await drafter.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
});

/** The procedures of every tRPC request the page makes from now on, in order (a batch counts each of its calls). */
function proceduresAskedBy(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/api/trpc/')) asked.push(...decodeURIComponent(pathname.slice('/api/trpc/'.length)).split(','));
  });
  return asked;
}

/** The legality reviewer, signed in on a fresh page, on 我的待办 with everything it asks for answered. */
async function reviewerOnInbox() {
  const context = await suite.browser.newContext(LAPTOP);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await signIn(page, suite.server.url, 'legal');
  await page.waitForSelector('[data-testid=task-row]');
  await page.waitForLoadState('networkidle');
  return { context, page, errors };
}

describe('我的待办 on landing', () => {
  it('asks for the inbox and the validity changes once, though the header and the page both show them', async () => {
    const { context, page, errors } = await reviewerOnInbox();
    const asked = proceduresAskedBy(page);
    await page.reload();
    await page.waitForSelector('[data-testid=task-row]');
    // The count settles after the page's own answer: wait until the page has asked all it will.
    await page.waitForLoadState('networkidle');
    expect(asked.filter((p) => p === 'review.inbox')).toHaveLength(1);
    expect(asked.filter((p) => p === 'validity.pending')).toHaveLength(1);
    // The page said who it is for (server/http/static-client.ts): the first request is the inbox's own.
    expect(asked).not.toContain('auth.me');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a visitor to sign in without asking who they are', async () => {
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const asked = proceduresAskedBy(page);
    await page.goto(`${suite.server.url}/`);
    await page.waitForURL(/\/login$/);
    await page.waitForSelector('input[name=username]');
    expect(asked).toEqual([]);
    await context.close();
  });

  it('fetches the document page\'s scripts while idle, so opening a task waits for no script', async () => {
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const scripts = scriptsOf(page);
    await signIn(page, suite.server.url, 'legal');
    await page.waitForSelector('[data-testid=task-row]');
    await page.waitForLoadState('networkidle');
    await expect.poll(() => scripts.some((s) => /\/DocumentPage-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => /\/forms-runtime-[\w-]+\.js$/.test(s))).toBe(true);
    scripts.length = 0;
    await page.locator('[data-testid=task-row]', { hasText: TITLE }).locator('a').first().click();
    await page.waitForSelector('[data-testid=approve]');
    // Only the workflow graph's code, which the page loads after itself (client/src/document/WorkflowPath.tsx).
    expect(scripts.filter((s) => !/\/(?:WorkflowGraph|elk\.bundled|rolldown-runtime)-[\w-]+\.js$/.test(s))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a document without asking for the header counts again, and asks for 我的待办 with its list on the way back', async () => {
    const { context, page, errors } = await reviewerOnInbox();
    const asked = proceduresAskedBy(page);
    await page.locator('[data-testid=task-row]', { hasText: TITLE }).locator('a').first().click();
    await page.waitForSelector('[data-testid=approve]');
    await page.waitForLoadState('networkidle');
    expect(asked).toContain('documents.get');
    expect(asked.filter((p) => ['review.inbox', 'validity.pending', 'notifications.unreadCount'].includes(p))).toEqual([]);

    asked.length = 0;
    await page.goBack();
    await page.waitForSelector('[data-testid=task-row]');
    await page.waitForLoadState('networkidle');
    expect(asked.filter((p) => p === 'review.inbox')).toHaveLength(1);
    expect(await page.textContent('[data-testid=inbox-count]')).toBe(String(await page.locator('[data-testid=task-row]').count()));
    expect(errors).toEqual([]);
    await context.close();
  });
});
