/**
 * The language switch: Chinese by default, English on one click (its catalog fetched then),
 * remembered across a reload, and back. Screenshots 120-*.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const suite = browserSuite();

describe('language switch', () => {
  it('switches the signed-in app to English and back, and remembers the choice', async () => {
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'legal');
    const nav = () => page.textContent('nav.app-nav');
    expect(await nav()).toContain('我的待办');
    await page.click('.lang-toggle');
    await expect.poll(nav).toContain('My tasks');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, '120-inbox-en');
    await page.reload();
    await page.waitForSelector('nav.app-nav');
    // Rendered in English from the start after a reload: no Chinese first.
    expect(await nav()).toContain('My tasks');
    await page.click('.lang-toggle');
    await expect.poll(nav).toContain('我的待办');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await screenshot(page, '120-inbox-zh');
    expect(errors).toEqual([]);
    await context.close();
  });
});
