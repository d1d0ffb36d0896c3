import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../support/test-server';
import { createUser } from '../../server/seed/user-admin';
import { signedIn } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { launchBrowser, screenshot as fullPageShot, watchPageErrors } from './browser';
import { draftAndSubmit, openFromInbox, signIn, signOut, tickFiveChecks, waitForStep } from './staff-actions';

const TITLE = '关于做好2027年元旦春节期间走访慰问困难群众工作的通知';
const BODY = [
  '各县（市、区）民政局，局机关各科室：',
  '为切实保障困难群众基本生活，现就做好2027年元旦春节期间走访慰问工作通知如下。',
  '一、各地要对低保对象、特困人员、困境儿童等困难群众开展一次全面走访，做到应保尽保、应救尽救。',
  '二、慰问资金要及时足额发放，严禁截留挪用，并于2027年1月20日前将工作开展情况报市民政局社会救助科。',
].join('\n');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  await createUser(server.services, { username: 'legal2', displayName: '法规科二', password: TEST_PASSWORD, roles: ['legal'], departmentCode: 'legal' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * From the top of the page: a full-page shot of a scrolled window draws the sticky side
 * column where the window was, halfway down the page.
 */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

/** The value of the option of `select` whose text contains `text`. */
async function optionValue(page: Page, select: string, text: string): Promise<string> {
  const value = await page.locator(`${select} option`, { hasText: text }).first().getAttribute('value');
  expect(value).toBeTruthy();
  return value!;
}

async function openMoreActions(page: Page): Promise<void> {
  await page.click('[data-testid=more-actions-toggle]');
  await page.waitForSelector('[data-testid=more-actions][open] select');
}

/** Waits until the page shows a fresh 已办理 message for `label`. */
async function waitForDone(page: Page, label: string): Promise<void> {
  await page.waitForFunction((l) => document.querySelector('[data-testid=action-done]')?.textContent?.includes(l), label);
}

describe('transfer (转办) and add signer (加签) in the browser', () => {
  it('legal transfers to a colleague, who adds the leader before themself; both sign and the document moves on', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    // The drafter drafts an open document and submits it.
    await signIn(page, server.url, 'drafter');
    await draftAndSubmit(page, { title: TITLE, docNumber: '清民〔2026〕141号', writtenAt: '2026-12-10', body: BODY });
    const documentUrl = page.url();
    // One seat, never added to: no progress card.
    expect(await page.locator('[data-testid=seat-progress]').count()).toBe(0);
    await signOut(page);

    // 孙立华 (legal) transfers it to 法规科二.
    await signIn(page, server.url, 'legal');
    await openFromInbox(page, TITLE);
    await page.waitForSelector('[data-testid=approve]');
    // Folded away until asked for.
    expect(await page.isVisible('[data-testid=transfer-select]')).toBe(false);
    await screenshot(page, '50-legal-panel-folded');
    await openMoreActions(page);
    // Nothing chosen: refused on the page, not sent.
    await page.click('[data-testid=transfer]');
    expect(await page.textContent('[data-testid=action-error]')).toContain('请选择转办对象');
    const transferOptions = await page.locator('[data-testid=transfer-select] option').allTextContents();
    expect(transferOptions.some((o) => o.includes('法规科二 · 法规科'))).toBe(true);
    // Only colleagues with the step's role; never oneself or the drafter.
    expect(transferOptions.some((o) => o.includes('赵建平') || o.includes('孙立华') || o.includes('李静'))).toBe(false);
    await page.selectOption('[data-testid=transfer-select]', await optionValue(page, '[data-testid=transfer-select]', '法规科二'));
    await page.fill('[data-testid=transfer-note]', '本人本周外出培训，请代为审查。');
    await screenshot(page, '50-legal-transfer');
    await page.click('[data-testid=transfer]');
    await waitForDone(page, '转办');
    expect(await page.locator('[data-testid=action-error]').count()).toBe(0);
    expect(await page.locator('[data-testid=approve]').count()).toBe(0);
    expect(await page.textContent('[data-testid=history]')).toContain('转办');
    await screenshot(page, '50-legal-transferred');
    // No longer in 孙立华's inbox.
    await page.click('a[href="/"]');
    await page.waitForSelector('[data-testid=task-row], p.empty');
    expect(await page.locator('[data-testid=task-row]', { hasText: TITLE }).count()).toBe(0);
    await screenshot(page, '50-legal-inbox-after-transfer');
    await signOut(page);

    // 法规科二 adds 赵建平 (leader) as a signer before themself.
    await signIn(page, server.url, 'legal2');
    await openFromInbox(page, TITLE);
    await page.waitForSelector('[data-testid=approve]');
    await openMoreActions(page);
    await page.selectOption('[data-testid=add-signer-select]', await optionValue(page, '[data-testid=add-signer-select]', '赵建平'));
    await page.check('[data-testid=add-signer-position] input[value=before]');
    await page.fill('[data-testid=add-signer-note]', '涉及慰问资金安排，请赵局长先行把关。');
    await screenshot(page, '50-legal2-add-signer');
    await page.click('[data-testid=add-signer]');
    await waitForDone(page, '加签');
    await page.waitForSelector('[data-testid=seat-progress]');
    const progress = (await page.textContent('[data-testid=seat-progress]'))!;
    expect(progress).toContain('会签进度');
    expect(progress).toContain('法规科二');
    expect(progress).toContain('赵建平');
    expect(progress).toContain('加签·在前');
    expect(await page.locator('[data-testid=seat-pending]').count()).toBe(2);
    // Waits for the added signer: nothing to approve yet.
    expect(await page.locator('[data-testid=approve]').count()).toBe(0);
    await screenshot(page, '50-legal2-signer-added');
    await signOut(page);

    // 赵建平 finds it in 我的待办, sees the progress, approves his seat.
    await signIn(page, server.url, 'leader');
    await page.waitForSelector('[data-testid=task-row]');
    expect(await page.locator('[data-testid=task-row]', { hasText: TITLE }).count()).toBe(1);
    await screenshot(page, '50-leader-inbox');
    await openFromInbox(page, TITLE);
    await page.waitForSelector('[data-testid=seat-progress]');
    await page.waitForSelector('[data-testid=approve]');
    await tickFiveChecks(page);
    await page.fill('[data-testid=opinion]', '资金安排符合规定，同意。');
    await screenshot(page, '50-leader-seat-progress');
    await page.click('[data-testid=approve]');
    await waitForDone(page, '同意');
    await page.waitForFunction(() => document.querySelector('[data-testid=seat-signed]')?.textContent?.includes('赵建平'));
    // The step waits for 法规科二 still.
    expect(await page.textContent('[data-testid=doc-status]')).toContain('合法性审查');
    await screenshot(page, '50-leader-approved');
    await signOut(page);

    // 法规科二 has it back, approves; the document moves on to secrecy review.
    await signIn(page, server.url, 'legal2');
    await openFromInbox(page, TITLE);
    await page.waitForSelector('[data-testid=approve]');
    expect(await page.textContent('[data-testid=seat-progress]')).toContain('✓ 赵建平');
    await tickFiveChecks(page);
    await page.fill('[data-testid=opinion]', '法律依据充分，同意。');
    await screenshot(page, '50-legal2-approve');
    await page.click('[data-testid=approve]');
    await waitForStep(page, '保密审查');
    expect(page.url()).toBe(documentUrl);
    const reviews = (await page.textContent('[data-testid=reviews]'))!;
    expect(reviews).toContain('转办');
    expect(reviews).toContain('加签');
    await screenshot(page, '50-legal2-approved');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a phone, 加签在我之后 is the holder\'s own approval: refused without the five checks, then the added signer is next', async () => {
    const title = '关于调整城乡居民最低生活保障标准的通知（加签在后）';
    const drafter = await signedIn(server.url, 'drafter');
    const created = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title }));
    await drafter.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'legal');
    await page.goto(`${server.url}/documents/${created.id}`);
    await page.waitForSelector('[data-testid=approve]');
    await openMoreActions(page);
    await page.selectOption('[data-testid=add-signer-select]', await optionValue(page, '[data-testid=add-signer-select]', '赵建平'));
    await page.check('[data-testid=add-signer-position] input[value=after]');
    expect(await page.textContent('[data-testid=add-signer]')).toContain('同意并加签');
    await page.click('[data-testid=add-signer]');
    await page.waitForSelector('[data-testid=action-error]');
    expect(await page.textContent('[data-testid=action-error]')).toContain('五关');
    await tickFiveChecks(page);
    await screenshot(page, '50-phone-add-signer-after');
    await page.click('[data-testid=add-signer]');
    await waitForDone(page, '加签');
    await page.waitForSelector('[data-testid=seat-progress]');
    expect(await page.textContent('[data-testid=seat-progress]')).toContain('加签·在后');
    expect(await page.textContent('[data-testid=seat-signed]')).toContain('孙立华');
    expect(await page.textContent('[data-testid=doc-status]')).toContain('合法性审查');
    await screenshot(page, '50-phone-signer-added-after');
    await signOut(page);

    // The added signer's approval completes the step.
    await signIn(page, server.url, 'leader');
    await openFromInbox(page, title);
    await tickFiveChecks(page);
    await page.click('[data-testid=approve]');
    await waitForStep(page, '保密审查');
    // The one refusal above, as the browser logs it.
    expect(errors).toEqual([expect.stringContaining('400 (Bad Request)')]);
    await context.close();
  });
});
