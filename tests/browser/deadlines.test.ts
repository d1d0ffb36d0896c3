import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { scanReminders } from '../../server/services/reminder-service';
import { launchBrowser, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn } from './staff-actions';

// Tuesday 2026-12-08, 10:00 CST. The demo documents were written in March–November 2026,
// so by now some review tasks (due mid-November) and statutory clocks (due 11/30, 12/03)
// are overdue and one clock (due 12/10) is due soon. Earlier dates, such as 2026-10-12,
// come before most demo documents were written and leave the board empty.
const clock = Date.parse('2026-12-08T10:00:00+08:00');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  // What the scheduler does every minute in production: raise the due-soon/overdue reminders.
  await scanReminders(server.services);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const laptop = () => browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

describe('deadlines, notifications and the working-day calendar in the browser', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('shows the publisher the overdue and due-soon work of the whole bureau, filterable by section', async () => {
    context = await laptop();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'publisher');
    // The inbox shows each task's due date.
    await page.locator('[data-testid=task-row]', { hasText: '2025年度部门决算公开' }).waitFor();
    expect(await page.locator('[data-testid=task-row]', { hasText: '2025年度部门决算公开' }).locator('[data-testid=task-due]').textContent()).toContain('2026/11/13');
    await screenshot(page, '31-inbox-due-dates');

    await page.click('nav a[href="/deadlines"]');
    await page.waitForSelector('[data-testid=deadline-task-row]');
    const taskRows = page.locator('[data-testid=deadline-task-row]');
    const documentRows = page.locator('[data-testid=deadline-document-row]');
    expect(await taskRows.count()).toBeGreaterThan(0);
    expect(await documentRows.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=deadline-task-row]', { hasText: '超期' }).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=deadline-document-row]', { hasText: '超期' }).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=deadline-document-row]', { hasText: '临期' }).count()).toBeGreaterThan(0);
    const leaderRow = page.locator('[data-testid=deadline-task-row]', { hasText: '2027年政府信息公开工作计划' });
    expect(await leaderRow.textContent()).toContain('分管领导审批');
    expect(await leaderRow.textContent()).toContain('养老服务科');
    // Every list fits under the board's limit: no "more are due" note.
    expect(await page.locator('[data-testid=deadline-more]').count()).toBe(0);
    await screenshot(page, '31-deadline-board');

    await page.selectOption('[data-testid=deadline-department]', '养老服务科');
    await page.waitForURL(/dept=/);
    const departments = await page.locator('[data-testid=deadline-task-row], [data-testid=deadline-document-row]').allTextContents();
    expect(departments.length).toBeGreaterThan(0);
    for (const text of departments) expect(text).toContain('养老服务科');
    await screenshot(page, '31-deadline-board-filtered');
    expect(errors).toEqual([]);
  });

  it('fits the board on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true });
    const page = await phone.newPage();
    await signIn(page, server.url, 'publisher');
    await page.goto(`${server.url}/deadlines`);
    await page.waitForSelector('[data-testid=deadline-task-row]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '31-deadline-board-phone');
    await phone.close();
  });

  it('counts unread reminders in the header and marks them read', async () => {
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${server.url}/`);
    const count = Number(await page.locator('[data-testid=notification-count]').textContent());
    expect(count).toBeGreaterThan(0);
    await page.click('[data-testid=notifications-link]');
    await page.waitForSelector('[data-testid=notification-row]');
    expect(await page.locator('[data-testid=notification-row]').count()).toBe(count);
    expect(await page.locator('[data-testid=notification-row]').first().textContent()).toContain('超期');
    await screenshot(page, '31-notifications');

    // One by one, then the rest at once; the header count follows without a page load.
    await page.locator('[data-testid=notification-row] [data-testid=mark-read]').first().click();
    if (count > 1) {
      await page.waitForFunction((n) => document.querySelector('[data-testid=notification-count]')?.textContent === String(n), count - 1);
      await page.click('[data-testid=mark-all-read]');
    }
    await page.waitForSelector('[data-testid=notification-count]', { state: 'detached' });
    expect(await page.locator('[data-testid=notification-row][data-unread=true]').count()).toBe(0);
    await screenshot(page, '31-notifications-read');

    // E-mail reminders: the user's own address and a daily digest.
    await page.fill('[data-testid=mail-email]', 'publisher@qingyuan.gov.cn');
    await page.check('input[name=mail-mode][value=digest]');
    await page.click('[data-testid=mail-save]');
    await page.locator('[data-testid=mail-settings] .notice-success').waitFor();
    await screenshot(page, '31-mail-settings');
    await page.reload();
    expect(await page.inputValue('[data-testid=mail-email]')).toBe('publisher@qingyuan.gov.cn');
    expect(await page.isChecked('input[name=mail-mode][value=digest]')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the admin enter a holiday of a year not in the package, recomputing open deadlines', async () => {
    const drafterContext = await laptop();
    const drafterPage = await drafterContext.newPage();
    await signIn(drafterPage, server.url, 'drafter');
    expect(await drafterPage.locator('nav a[href="/admin/calendar"]').count()).toBe(0);
    expect(await drafterPage.locator('nav a[href="/deadlines"]').count()).toBe(1);
    await drafterContext.close();

    const adminContext = await laptop();
    const page = await adminContext.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'admin');
    await openAdminTool(page, '/admin/calendar');
    await page.waitForSelector('[data-testid=calendar-day-form]');
    expect(await page.textContent('[data-testid=package-years]')).toContain('2026');
    expect(await page.textContent('[data-testid=calendar-years]')).toContain('2027 年及以后的安排尚未录入');
    await screenshot(page, '31-calendar-admin');

    await page.fill('[data-testid=calendar-date]', '2027-01-04');
    await page.check('input[name=kind][value=holiday]');
    await page.fill('[data-testid=calendar-note]', '元旦假期（国务院办公厅关于2027年部分节假日安排的通知）');
    await page.click('[data-testid=calendar-save]');
    await page.waitForSelector('[data-testid=calendar-done]');
    expect(await page.textContent('[data-testid=calendar-done]')).toMatch(/已重新计算 \d+ 项期限/);
    const row = page.locator('[data-testid=calendar-override-row]', { hasText: '2027/01/04' });
    await row.waitFor();
    expect(await row.textContent()).toContain('放假');
    expect(await row.textContent()).toContain('元旦假期');

    await page.fill('[data-testid=known-year]', '2027');
    await page.click('[data-testid=mark-year-known]');
    await page.waitForFunction(() => document.querySelector('[data-testid=known-years]')?.textContent?.includes('2027'));
    await screenshot(page, '31-calendar-saved');

    await page.goto(`${server.url}/notifications`);
    await page.waitForSelector('h1');
    expect(await page.textContent('main')).toContain('通知');
    expect(errors).toEqual([]);
    await adminContext.close();
  });
});
