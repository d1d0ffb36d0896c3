/**
 * The language switch: Chinese by default, English on one click (its catalog fetched then),
 * remembered across a reload, and back. Screenshots 120-*.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';
import { signedIn } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';

const suite = browserSuite();

describe('language switch', () => {
  it('switches the signed-in app to English and back, and remembers the choice', async () => {
    // A document at legality review, so the inbox has a row whose step name must follow the language.
    const drafter = await signedIn(suite.server.url, 'drafter');
    const submitted = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title: '语言切换：待审文件' }));
    await drafter.trpc.review.submit.mutate({ documentId: submitted.id, expectedVersion: submitted.version });
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'legal');
    const nav = () => page.textContent('nav.app-nav');
    expect(await nav()).toContain('我的待办');
    await page.click('.lang-toggle');
    await expect.poll(nav).toContain('My tasks');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The inbox names each task's step in the UI's language.
    const firstStep = () => page.locator('.step-label').first().textContent();
    await expect.poll(firstStep).toBe('Legality review');
    await screenshot(page, '120-inbox-en');
    await page.reload();
    await page.waitForSelector('nav.app-nav');
    // Rendered in English from the start after a reload: no Chinese first.
    expect(await nav()).toContain('My tasks');
    await page.click('.lang-toggle');
    await expect.poll(nav).toContain('我的待办');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(firstStep).toBe('合法性审查');
    await screenshot(page, '120-inbox-zh');
    expect(errors).toEqual([]);
    await context.close();
  });
});
