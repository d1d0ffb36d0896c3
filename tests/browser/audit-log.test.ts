/** 审计日志 in the browser: filter by person and words, page through, and the filter survives a reload. */
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn } from './staff-actions';

const suite = browserSuite();

describe('audit log in the browser', () => {
  it('lets the admin filter the log and keeps the filter in the URL', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await openAdminTool(page, '/admin/audit');
    await page.locator('[data-testid=audit-row]').first().waitFor();
    expect(await page.locator('[data-testid=audit-row]').count()).toBe(50);
    await page.click('[data-testid=pager-next]');
    await page.waitForURL(/page=2/);
    await page.selectOption('[data-testid=audit-actor]', { label: '孙立华' });
    await page.waitForURL(/actor=/);
    expect(page.url()).not.toMatch(/page=2/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=audit-row] td:nth-child(2)')].every((td) => td.textContent === '孙立华'));
    await page.fill('[data-testid=audit-q]', '最低生活保障');
    await page.locator('[data-testid=audit-q]').press('Enter');
    await page.waitForURL(/q=/);
    await page.reload();
    await page.locator('[data-testid=audit-row]').first().waitFor();
    const rows = await page.locator('[data-testid=audit-row]').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('孙立华') && r.includes('最低生活保障'))).toBe(true);
    expect(await page.inputValue('[data-testid=audit-q]')).toBe('最低生活保障');
    await page.locator('[data-testid=audit-row] details').first().click();
    await screenshot(page, '97-audit-log');

    // A document's title opens its whole trail here (an admin may not read the document itself).
    const title = (await page.locator('[data-testid=audit-document-trail]').first().textContent())!;
    // The trail answers slowly here, as on a busy server, so the page is seen while it loads.
    await page.route(/audit\.list.*documentId/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.locator('[data-testid=audit-document-trail]').first().click();
    await page.waitForURL(/document=/);
    expect(page.url()).not.toMatch(/[?&](q|actor)=/);
    // The chip waits for the trail to load: until then the rows on screen are the last list's.
    await page.locator('[data-testid=audit-document-filter]').waitFor();
    expect(await page.locator('[data-testid=audit-document-filter]').textContent()).toContain(`只显示文件「${title}」的记录`);
    await page.waitForFunction((t) => {
      const cells = [...document.querySelectorAll('[data-testid=audit-row] td:nth-child(4)')];
      return cells.length > 1 && cells.every((td) => td.textContent === t);
    }, title);
    const actions = await page.locator('[data-testid=audit-row] .audit-action-code').allTextContents();
    expect(actions.at(-1)).toBe('document.created');
    await screenshot(page, '97-audit-log-document-trail');
    await page.locator('[data-testid=audit-document-filter] button').click();
    await page.waitForURL((url) => !url.search.includes('document='));
    await page.locator('[data-testid=audit-document-filter]').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
