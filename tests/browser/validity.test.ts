import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot, watchPageErrors } from './browser';
import { signIn, signOut } from './staff-actions';

const suite = browserSuite();

const laptop = () => suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

/** The value beside a row heading of the public page's metadata table, e.g. 有效性. */
const publicMeta = (page: Page, heading: string) =>
  page.evaluate((h) => [...document.querySelectorAll('th')].find((th) => th.textContent?.trim() === h)?.nextElementSibling?.textContent?.trim(), heading);

describe('validity (有效性) after publication', () => {
  it('the drafter proposes 废止, the legality reviewer approves from 我的待办, the public page shows 废止', async () => {
    const context = await laptop();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const reason = '本通知所定标准已被2027年城乡低保标准调整通知替代，自2027年1月1日起不再执行。';

    await signIn(page, suite.server.url, 'drafter');
    await page.click('a[href="/mine"]');
    await page.waitForSelector('[data-testid=document-row]');
    // The demo's published 低保 standard: the kind of notice a newer standard replaces.
    const published = page.locator('[data-testid=document-row]', { has: page.locator('.badge-published') });
    const notice = published.filter({ hasText: '最低生活保障标准' });
    expect(await notice.count()).toBe(1);
    await notice.locator('a').first().click();
    await page.waitForSelector('[data-testid=validity-panel]');
    const documentUrl = page.url();
    const title = (await page.textContent('.doc-head h1'))!.trim();
    const indexNumber = (await page.textContent('[data-testid=index-number]'))!.trim();
    expect(await page.textContent('[data-testid=validity-current]')).toBe('有效');

    // Only a change is offered, and a reason is required before anything is sent.
    expect((await page.locator('[data-testid=validity-select] option').allTextContents()).map((s) => s.trim())).toEqual(['废止', '失效']);
    await page.click('[data-testid=propose-validity]');
    expect(await page.textContent('[data-testid=validity-error]')).toContain('请填写变更理由');

    await page.selectOption('[data-testid=validity-select]', 'repealed');
    await page.fill('[data-testid=validity-reason]', reason);
    await page.click('[data-testid=propose-validity]');
    const pending = page.locator('[data-testid=validity-pending]');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('拟变更为「废止」');
    expect(await pending.textContent()).toContain(reason);
    expect(await page.locator('[data-testid=propose-validity]').count()).toBe(0);
    // Not yet: the catalog keeps 有效 until the legality reviewer agrees.
    expect(await page.textContent('[data-testid=validity-current]')).toBe('有效');
    await screenshot(page, '40-validity-proposed');
    await signOut(page);

    await signIn(page, suite.server.url, 'legal');
    const row = page.locator('[data-testid=validity-row]', { hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('废止');
    expect(await row.textContent()).toContain(reason);
    expect(await row.textContent()).toContain(indexNumber);
    await row.locator('[data-testid=validity-opinion]').fill('经核实，该通知已被新标准替代，同意废止。');
    await screenshot(page, '40-validity');

    // On a phone the row becomes a card that fits the screen, decision buttons included.
    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true });
    const phonePage = await phone.newPage();
    await signIn(phonePage, suite.server.url, 'legal');
    await phonePage.locator('[data-testid=validity-row]', { hasText: title }).waitFor();
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(phonePage, '40-validity-phone');
    await phone.close();

    await row.locator('[data-testid=validity-approve]').click();
    await page.waitForSelector('[data-testid=validity-done]');
    expect(await page.textContent('[data-testid=validity-done]')).toContain('废止');
    expect(await page.locator('[data-testid=validity-row]', { hasText: title }).count()).toBe(0);

    // The legality reviewer took part in the review, so they may open the document too.
    await page.goto(documentUrl);
    await page.waitForSelector('[data-testid=validity-current]');
    expect(await page.textContent('[data-testid=validity-current]')).toBe('废止');
    expect(await page.locator('[data-testid=validity-pending]').count()).toBe(0);
    expect(await page.textContent('[data-testid=history]')).toContain('同意有效性变更');
    await signOut(page);

    const publicPage = await context.newPage();
    await publicPage.goto(`${suite.server.url}/public/documents/${encodeURIComponent(indexNumber)}`);
    expect(await publicPage.textContent('body')).toContain(title);
    expect(await publicMeta(publicPage, '有效性')).toBe('废止');
    await screenshot(publicPage, '40-validity-public');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a policy and its interpretation to each other, and the form offers （无） for no policy', async () => {
    const context = await laptop();
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await signIn(page, suite.server.url, 'drafter');
    await page.click('a[href="/mine"]');
    await page.locator('[data-testid=document-row]', { hasText: '政策解读' }).first().locator('a').first().click();
    const policyLink = page.locator('[data-testid=policy-link]');
    await policyLink.waitFor();
    expect(await page.textContent('[data-testid=policy-pair]')).toContain('关联政策文件');
    expect(await page.textContent('[data-testid=policy-pair]')).toContain('同步组织、同步审签、同步部署');
    const interpretationTitle = (await page.textContent('.doc-head h1'))!.trim();
    const policyTitle = (await policyLink.textContent())!.trim();

    await policyLink.click();
    await page.waitForFunction((t) => document.querySelector('.doc-head h1')?.textContent?.trim() === t, policyTitle);
    const item = page.locator('[data-testid=interpretation-item]', { hasText: interpretationTitle });
    await item.waitFor();
    expect(await page.textContent('[data-testid=policy-pair]')).toContain('政策解读');
    expect(await item.locator('.badge').textContent()).toBe('已发布');
    await screenshot(page, '40-policy-pair');

    await page.click('a[href="/documents/new"]');
    await page.waitForSelector('[name=policyDocumentId]');
    expect((await page.locator('[name=policyDocumentId] option').first().textContent())?.trim()).toBe('（无）');
    expect((await page.locator('[name=categoryId] option').first().textContent())?.trim()).toBe('请选择');

    expect(errors).toEqual([]);
    await context.close();
  });
});
