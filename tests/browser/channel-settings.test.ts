/**
 * 发布渠道 in the browser: an admin opens the tool from 系统管理, adds an offline channel
 * (政务服务中心查阅点) without code, moves it up, disables 广播电视报纸 and adds another portal
 * as a webhook channel (its secret shown once); a drafter then sees
 * the new channel in 发布渠道 (and not the disabled one), ticks it, and the document page and
 * the printed review sheet name it. Screenshots 125-*.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn } from './staff-actions';

const suite = browserSuite();
const KEY = 'service_centre_reading_point';

describe('publication channels managed by an admin', () => {
  it('an admin adds an offline channel, reorders and disables; a drafter ticks the new one', async () => {
    const admin = await suite.browser.newContext({ ...LAPTOP, viewport: { width: 1440, height: 900 } });
    const page = await admin.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await openAdminTool(page, '/admin/channels');
    await page.waitForSelector('[data-testid=channel-row][data-key=portal]');
    await page.fill('[data-testid=new-channel-label-zh]', '政务服务中心查阅点');
    await page.fill('[data-testid=new-channel-label-en]', 'Service centre reading point');
    await page.click('[data-testid=new-channel-add]');
    await page.waitForSelector(`[data-testid=channel-row][data-key=${KEY}]`);
    expect(await page.textContent('[data-testid=new-channel-message]')).toContain(`已新增发布渠道「政务服务中心查阅点」（标识 ${KEY}）`);
    // Up one place: before 广播电视报纸.
    await page.click(`[data-testid=channel-row][data-key=${KEY}] button[title=上移]`);
    await page.waitForFunction((key) => [...document.querySelectorAll('[data-testid=channel-row]')].map((r) => r.getAttribute('data-key')).indexOf(key) === 3, KEY);
    await page.click('[data-testid=channel-row][data-key=broadcast] [data-testid=channel-toggle]');
    await page.waitForFunction(() => document.querySelector('[data-testid=channel-row][data-key=broadcast] [data-testid=channel-status]')?.textContent === '已停用');
    await screenshot(page, '125-channels-admin');
    // Another portal, pushed by webhook: the signing secret is shown once.
    await page.check('[data-testid=new-channel-webhook]');
    await page.fill('[data-testid=new-channel-label-zh]', '清远市政府门户');
    await page.fill('[data-testid=new-channel-label-en]', 'Qingyuan city portal');
    await page.fill('[data-testid=new-channel-url]', 'https://www.gdqy.gov.cn/hooks/shenfa');
    await page.click('[data-testid=new-channel-add]');
    await page.waitForSelector('[data-testid=channel-row][data-key=qingyuan_city_portal] [data-testid=channel-receiver]');
    expect(await page.textContent('[data-testid=new-channel-secret]')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await page.inputValue('[data-testid=channel-row][data-key=qingyuan_city_portal] [data-testid=channel-url]')).toBe('https://www.gdqy.gov.cn/hooks/shenfa');
    // The other portal moved: its address is changed in its row.
    const cityRow = '[data-testid=channel-row][data-key=qingyuan_city_portal]';
    await page.fill(`${cityRow} [data-testid=channel-url]`, 'https://www.gdqy.gov.cn/api/shenfa-hooks');
    await page.click(`${cityRow} [data-testid=channel-save]`);
    await page.waitForSelector(`${cityRow} [role=status]`);
    expect(await page.inputValue(`${cityRow} [data-testid=channel-url]`)).toBe('https://www.gdqy.gov.cn/api/shenfa-hooks');
    await page.locator('[data-testid=new-channel]').scrollIntoViewIfNeeded();
    await screenshot(page, '125-channel-webhook-added');
    expect(errors).toEqual([]);
    await admin.close();

    const drafter = await suite.browser.newContext(LAPTOP);
    const draftPage = await drafter.newPage();
    const draftErrors = watchPageErrors(draftPage);
    await signIn(draftPage, suite.server.url, 'drafter');
    await draftPage.goto(`${suite.server.url}/documents/new`);
    await draftPage.fill('[name=title]', '关于在政务服务中心查阅点公开低保标准的通知');
    await draftPage.fill('[name=docNumber]', '清民〔2026〕131号');
    await draftPage.selectOption('[name=categoryId]', { index: 1 });
    await draftPage.fill('[name=writtenAt]', '2026-10-16');
    await draftPage.fill('[name=body]', '为方便群众查阅，本通知同时在政务服务中心查阅点公开。');
    await draftPage.check('input[name=attribute][value=open]');
    const offered = await draftPage.locator('input[name=channels]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(offered).toEqual(['portal', 'wechat', 'notice_board', KEY, 'qingyuan_city_portal']);
    await draftPage.check('input[name=channels][value=portal]');
    await draftPage.check(`input[name=channels][value=${KEY}]`);
    await screenshot(draftPage, '125-draft-new-channel');
    await draftPage.click('[data-testid=save-draft]');
    await draftPage.waitForURL(/\/documents\/[^/]+$/);
    await draftPage.waitForSelector('[data-testid=doc-status]');
    expect(await draftPage.locator('.tag', { hasText: '政务服务中心查阅点' }).count()).toBe(1);
    await screenshot(draftPage, '125-document-new-channel');
    await draftPage.goto(`${draftPage.url()}/sheet`);
    await draftPage.waitForSelector('[data-testid=sheet-channels]');
    const sheet = await draftPage.textContent('[data-testid=sheet-channels]');
    expect(sheet).toContain('☑政务服务中心查阅点');
    expect(sheet).not.toContain('广播电视报纸');
    await screenshot(draftPage, '125-sheet-new-channel');
    expect(draftErrors).toEqual([]);
    await drafter.close();
  });
});
