/**
 * 统计概览 in the browser: a leader sees the charts with their tables, narrows to one section
 * and the filter stays in the URL; a phone shows the same page in one column.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const clock = Date.parse('2026-12-08T10:00:00+08:00');
const suite = browserSuite({ now: () => clock });

describe('dashboard in the browser', () => {
  it('shows a leader the charts and tables, filtered by section through the URL', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'leader');
    await page.click('nav a[href="/dashboard"]');
    await page.fill('[data-testid=dashboard-from]', '2026-01-01');
    await page.locator('[data-testid=dashboard-from]').dispatchEvent('change');
    await page.fill('[data-testid=dashboard-to]', '2026-12-31');
    await page.locator('[data-testid=dashboard-to]').dispatchEvent('change');
    await page.waitForURL(/from=2026-01-01.*to=2026-12-31|to=2026-12-31.*from=2026-01-01/);
    for (const chart of ['chart-steps', 'chart-deadlines', 'chart-publications', 'chart-durations']) {
      await page.locator(`[data-testid=${chart}] canvas`).waitFor();
      expect(await page.locator(`[data-testid=${chart}] tbody tr`).count(), chart).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-testid=chart-publications] tbody tr').count()).toBe(12);
    await screenshot(page, '96-dashboard');

    await page.selectOption('[data-testid=dashboard-department]', { label: '养老服务科' });
    await page.waitForURL(/dept=/);
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    expect(await page.locator('[data-testid=dashboard-department] option:checked').textContent()).toBe('养老服务科');
    const sections = await page.locator('[data-testid=chart-deadlines] tbody th').allTextContents();
    expect(sections.every((s) => s === '养老服务科')).toBe(true);
    await screenshot(page, '96-dashboard-section');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('fits a phone', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, suite.server.url, 'leader');
    await page.goto(`${suite.server.url}/dashboard?from=2026-01-01&to=2026-12-31`);
    await page.locator('[data-testid=chart-steps] canvas').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '96-dashboard-phone');
    await context.close();
  }, 60_000);
});
