/**
 * A citizen applies on /public/apply (without JavaScript), the disclosure office asks for a
 * correction, records it, drafts and edits the reply letter, the leader reviews it, the
 * office sends it, and the citizen sees the request closed on the status page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, screenshot, watchPageErrors } from './browser';
import { signIn, signOut } from './staff-actions';
import { MIN_FORM_AGE_MS } from '../../server/services/public-form-guard';
import { registerRequest } from '../../server/services/request-intake-service';
import { loadSessionUser } from '../../server/services/users';
import { users } from '../../server/db/schema/index';
import { cstDate } from '../../server/time';
import { applicationFields } from '../support/apply-form';
import { eq } from 'drizzle-orm';

describe('information request in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let receipt: { requestNo: string; code: string };
  let requestPath: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // A letter received two weeks ago that nobody has looked at: its correction notice is overdue.
    const office = await loadSessionUser(server.services.database.db, (await server.services.database.db.select().from(users).where(eq(users.username, 'publisher')))[0]!.id);
    const received = cstDate(Date.now() - 14 * 24 * 3600 * 1000);
    await registerRequest(server.services, office!, { form: { ...applicationFields({ applicantName: '李华', description: '2026年养老服务补贴发放情况' }) }, channel: 'letter', receivedAt: received });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The form must be a few seconds old before it is accepted; a person takes longer anyway. */
  const waitAsAPerson = (page: Page) => page.waitForTimeout(MIN_FORM_AGE_MS + 500);

  it('a citizen applies without JavaScript, sees the field messages, then the number and code', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/public/apply`);
    await page.check('input[name=applicantType][value=natural_person]');
    await page.fill('#applicantName', '张明');
    await page.fill('#applicantIdNumber', '11010519491231002X');
    await page.fill('#contactPhone', '12345');
    await page.fill('#description', '2026年城市最低生活保障对象名单及保障标准');
    await page.fill('#purpose', '了解本社区低保政策');
    await page.check('input[name=deliveryForm][value=paper]');
    await waitAsAPerson(page);
    await page.click('.apply-form button[type=submit]');
    await page.waitForSelector('.field-error');
    expect(await page.textContent('#contactPhone-error')).toContain('「联系电话」应为手机号或带区号的固定电话');
    expect(await page.textContent('#address-error')).toContain('要求纸质提供的，请填写「通信地址」');
    expect(await page.inputValue('#applicantName')).toBe('张明');
    await screenshot(page, '80-apply-errors');

    await page.fill('#contactPhone', '13912345678');
    await page.fill('#address', '清源市解放路 12 号 3 单元');
    await screenshot(page, '80-apply-form');
    await waitAsAPerson(page);
    await page.click('.apply-form button[type=submit]');
    await page.waitForSelector('.receipt');
    const values = await page.locator('.receipt-value').allTextContents();
    receipt = { requestNo: values[0]!.trim(), code: values[1]!.trim() };
    expect(receipt.requestNo).toMatch(/^QY-\d{4}-\d{4}$/);
    await screenshot(page, '80-apply-submitted');

    const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server.url}/public/apply`);
    await screenshot(phonePage, '80-apply-phone');
    await phone.close();
    await context.close();
  }, 60_000);

  it('the disclosure office asks for a correction, records it, and drafts the reply letter', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'publisher');
    await page.click('a[href="/deadlines"]');
    await page.waitForSelector('[data-testid=deadline-request-row]');
    expect(await page.textContent('[data-testid=deadline-requests]')).toContain('补正告知期限');
    // The 超期/临期 chips count every flagged row on the board, the requests included.
    const rowsOf = (kind: string) => page.locator(`[data-testid=deadline-${kind}-row]`).count();
    const flagged = (await rowsOf('task')) + (await rowsOf('document')) + (await rowsOf('request'));
    const chips = (await page.textContent('[data-testid=deadline-summary]'))!.match(/\d+/g)!.map(Number);
    expect(chips[0]! + chips[1]!).toBe(flagged);
    await screenshot(page, '80-deadline-board');
    await page.click('a[href="/requests"]');
    await page.waitForSelector('[data-testid=request-row]');
    // A letter arrives: registered with its receipt date; the form says what is missing first.
    await page.click('[data-testid=register-open]');
    await page.fill('[data-testid=register-applicantName]', '王芳');
    await page.fill('[data-testid=register-applicantIdNumber]', '320102198506120034');
    await page.fill('[data-testid=register-contactPhone]', '13700001111');
    await page.fill('[data-testid=register-description]', '2026年临时救助资金发放明细');
    await page.click('[data-testid=register-save]');
    await page.waitForSelector('.register-request .field-error');
    expect(await page.textContent('.register-request')).toContain('要求纸质提供的，请填写「通信地址」');
    await page.fill('[data-testid=register-address]', '清源市文化路 8 号');
    await screenshot(page, '80-register-letter');
    await page.click('[data-testid=register-save]');
    await page.waitForSelector('[data-testid=register-message]');
    expect(await page.textContent('[data-testid=register-message]')).toMatch(/QY-\d{4}-\d{4}/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=request-row]').length === 3);
    await screenshot(page, '80-request-list');
    // Sorting is kept in the address; received dates follow the chosen order.
    const receivedDates = () => page.$$eval('[data-testid=request-row] td:nth-child(4)', (cells) => cells.map((c) => c.textContent ?? ''));
    await page.selectOption('[data-testid=request-sort]', 'oldest');
    await page.waitForURL(/sort=oldest/);
    const oldest = await receivedDates();
    expect(oldest).toEqual([...oldest].sort());
    await page.selectOption('[data-testid=request-sort]', 'newest');
    await page.waitForURL(/sort=newest/);
    const newest = await receivedDates();
    expect(newest).toEqual([...oldest].sort().reverse());
    await page.click(`a:has-text("${receipt.requestNo}")`);
    await page.waitForSelector('[data-testid=request-status]');
    requestPath = new URL(page.url()).pathname;
    expect(await page.textContent('[data-testid=request-status]')).toContain('待审查');
    expect(await page.textContent('[data-testid=request-applicant]')).toContain('11010519491231002X');

    await page.fill('[data-testid=request-action-note]', '请明确所需名单的区域范围（全市或某一街道）');
    await page.click('[data-testid=request-action-REQUEST_CORRECTION]');
    await page.waitForFunction(() => document.querySelector('[data-testid=request-status]')?.textContent?.includes('待补正'));
    await screenshot(page, '80-request-correction');

    await page.fill('[data-testid=request-action-note]', '申请人补正：全市范围');
    await page.click('[data-testid=request-action-RECEIVE_CORRECTION]');
    await page.waitForFunction(() => document.querySelector('[data-testid=request-status]')?.textContent?.includes('办理中'));
    expect(await page.locator('[data-testid=request-event]').count()).toBe(3);

    await page.selectOption('[data-testid=reply-result]', 'partial');
    await page.click('[data-testid=request-action-DRAFT_REPLY]');
    await page.waitForSelector('[data-testid=letter-body]');
    const body = await page.inputValue('[data-testid=letter-body]');
    expect(body).toContain(receipt.requestNo);
    await page.fill('[data-testid=letter-body]', `${body}\n\n附件：2026年城市低保对象名单（已隐去身份证号码和住址）`);
    await page.click('[data-testid=letter-save]');
    await page.waitForFunction(() => document.querySelector('[data-testid=letter-preview]')?.textContent?.includes('附件：2026年城市低保对象名单'));
    // The drafter of the letter is not offered the review.
    expect(await page.locator('[data-testid=request-action-REVIEW_REPLY]').count()).toBe(0);
    await screenshot(page, '80-reply-letter');
    await signOut(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('the leader reviews the letter and the office sends it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'leader');
    await page.goto(`${server.url}${requestPath}`);
    await page.waitForSelector('[data-testid=request-action-REVIEW_REPLY]');
    await page.click('[data-testid=request-action-REVIEW_REPLY]');
    await page.waitForFunction(() => document.querySelector('[data-testid=request-status]')?.textContent?.includes('答复书待送达'));
    await signOut(page);

    await signIn(page, server.url, 'publisher');
    // The annual report counts a request once it is closed: read the cell before and after.
    const year = cstDate(Date.now()).slice(0, 4);
    const partialCell = '[data-ref="requests/result:partial/natural_person"]';
    const reportCount = async () => {
      await page.goto(`${server.url}/reports/annual?year=${year}`);
      await page.waitForSelector(partialCell);
      return Number((await page.textContent(partialCell))?.trim() || 0);
    };
    const before = await reportCount();
    await page.goto(`${server.url}${requestPath}`);
    await page.waitForSelector('[data-testid=request-action-SEND_REPLY]');
    await page.selectOption('[data-testid=reply-delivery]', 'email');
    await page.click('[data-testid=request-action-SEND_REPLY]');
    await page.waitForFunction(() => document.querySelector('[data-testid=request-status]')?.textContent?.includes('已办结'));
    expect(await page.textContent('[data-testid=request-result]')).toContain('部分公开');
    expect(await page.textContent('[data-testid=reply-letter]')).toContain('电子邮件');
    await screenshot(page, '80-request-closed');
    expect(await reportCount()).toBe(before + 1);
    await screenshot(page, '80-annual-report-counts-it');
    await signOut(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('the citizen sees the request closed on the status page; a wrong code shows nothing', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/public/apply/status`);
    await page.fill('#requestNo', receipt.requestNo);
    await page.fill('#code', 'AAAA-BBBB-CCCC');
    await page.click('.apply-form button[type=submit]');
    await page.waitForSelector('.form-error');
    expect(await page.textContent('main')).not.toContain('已办结');
    await page.fill('#code', receipt.code);
    await page.click('.apply-form button[type=submit]');
    await page.waitForSelector('.status-table');
    const text = await page.textContent('.status-table');
    expect(text).toContain('已办结');
    expect(text).toContain('答复日期');
    expect(await page.textContent('main')).not.toContain('张明');
    await screenshot(page, '80-apply-status');
    await context.close();
  }, 30_000);
});
