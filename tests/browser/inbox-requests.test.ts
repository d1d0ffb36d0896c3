/**
 * Landing on 我的待办 asks the server for each thing it shows once. The header's count and the
 * page both want the inbox and the validity changes; the client's shared-queries link
 * (client/src/shared-queries-link.ts) sends each of them once.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, LAPTOP, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const suite = browserSuite();

/** The procedures of every tRPC request the page makes from now on, in order (a batch counts each of its calls). */
function proceduresAskedBy(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/api/trpc/')) asked.push(...decodeURIComponent(pathname.slice('/api/trpc/'.length)).split(','));
  });
  return asked;
}

describe('我的待办 on landing', () => {
  it('asks for the inbox and the validity changes once, though the header and the page both show them', async () => {
    const { server, browser } = suite;
    const context = await browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'legal');
    await page.waitForSelector('main h1');

    const asked = proceduresAskedBy(page);
    await page.reload();
    await page.waitForSelector('main h1');
    // The count settles after the page's own answer: wait until the page has asked all it will.
    await page.waitForLoadState('networkidle');
    expect(asked.filter((p) => p === 'review.inbox')).toHaveLength(1);
    expect(asked.filter((p) => p === 'validity.pending')).toHaveLength(1);
    expect(asked).toContain('auth.me');
    expect(errors).toEqual([]);
    await context.close();
  });
});
