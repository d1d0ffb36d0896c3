/** Inbox and 我的起草: search and sort narrow the list, and both live in the URL (reload, back). */
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const suite = browserSuite();

describe('list state in the URL', () => {
  it('searches and sorts the drafter’s documents and keeps both across a reload', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'drafter');
    await page.click('nav a[href="/mine"]');
    await page.locator('[data-testid=document-row]').first().waitFor();
    const all = await page.locator('[data-testid=document-row]').count();
    expect(all).toBeGreaterThan(2);
    await page.fill('[data-testid=mine-list-q]', '救助');
    await page.locator('[data-testid=mine-list-q]').press('Enter');
    await page.waitForURL(/q=/);
    const found = await page.locator('[data-testid=document-row]').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all);
    expect(found.every((r) => r.includes('救助'))).toBe(true);
    await page.selectOption('[data-testid=mine-list-sort]', 'title');
    await page.waitForURL(/sort=title/);
    const titles = await page.locator('[data-testid=document-row] .cell-title a').allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    await page.reload();
    await page.locator('[data-testid=document-row]').first().waitFor();
    expect(await page.inputValue('[data-testid=mine-list-q]')).toBe('救助');
    expect(await page.locator('[data-testid=document-row] .cell-title a').allTextContents()).toEqual(titles);
    await screenshot(page, '98-mine-search');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('sort=title'));
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
