/**
 * What an auditor and a citizen read: the audit log names each action in words (Chinese, then
 * English after the switch) with its code beside it, and the filter offers the words; the
 * public request-status page answers in English when asked. Screenshots 125-*.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn } from './staff-actions';
import { signedIn } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';
import { applicationFields } from '../support/apply-form';
import { registerRequest } from '../../server/services/request-intake-service';
import { loadSessionUser } from '../../server/services/users';
import { users } from '../../server/db/schema/index';
import { cstDate } from '../../server/time';

const suite = browserSuite();

async function registerLetter(applicantName: string) {
  const db = suite.server.services.database.db;
  const office = await loadSessionUser(db, (await db.select().from(users).where(eq(users.username, 'publisher')))[0]!.id);
  return registerRequest(suite.server.services, office!, { form: applicationFields({ applicantName }), channel: 'letter', receivedAt: cstDate(Date.now()) });
}

describe('readable labels', () => {
  it('shows the audit log’s actions in words, with the code beside them, in Chinese and in English', async () => {
    const drafter = await signedIn(suite.server.url, 'drafter');
    const created = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title: '审计标签测试通知' }));
    await drafter.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const registered = await registerLetter('王五');

    const context = await suite.browser.newContext({ ...LAPTOP, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await openAdminTool(page, '/admin/audit');
    await page.locator('[data-testid=audit-row]').first().waitFor();
    const rows = page.locator('[data-testid=audit-row]');
    // Newest first: the request's registration, then the submission and the draft.
    // Found by its code, which stays the same in both languages.
    const registeredRow = rows.filter({ has: page.locator('.audit-action-code', { hasText: 'request.registered' }) }).first();
    expect(await registeredRow.locator('[data-testid=audit-action-cell]').textContent()).toBe('登记申请request.registered');
    expect(await registeredRow.locator('[data-testid=audit-facts] a').textContent()).toBe(registered.requestNo);
    const submitted = rows.filter({ hasText: '审计标签测试通知' }).filter({ hasText: '提交审查' });
    expect(await submitted.count()).toBe(1);
    expect(await submitted.locator('.audit-action-code').textContent()).toBe('review.submit');
    expect(await submitted.locator('[data-testid=audit-action-cell]').getAttribute('title')).toBe('操作代码：review.submit');
    // The step names, not their ids: 起草 → the first review step.
    expect(await submitted.locator('td').nth(4).textContent()).toMatch(/^起草 → \S+审查/);
    expect(await page.locator('[data-testid=audit-table]').textContent()).not.toMatch(/\bdraft →/);

    await screenshot(page, '125-audit-log-all-zh');
    // The filter offers words, grouped; picking one filters by its code.
    expect(await page.locator('[data-testid=audit-action] optgroup[label=审查] option').allTextContents()).toContain('提交审查');
    await page.selectOption('[data-testid=audit-action]', { label: '提交审查' });
    await page.waitForURL(/action=review\.submit/);
    await page.waitForFunction(() => [...document.querySelectorAll('.audit-action-code')].every((c) => c.textContent === 'review.submit'));
    await screenshot(page, '125-audit-log-zh');

    await page.selectOption('[data-testid=audit-action]', { label: '全部「依申请公开」操作' });
    await page.waitForURL(/action=request\./);
    await page.click('.lang-toggle');
    await expect.poll(() => registeredRow.locator('[data-testid=audit-action-cell]').textContent()).toBe('Request registeredrequest.registered');
    expect(await page.locator('[data-testid=audit-action] optgroup[label="Review"] option').allTextContents()).toContain('Submitted for review');
    expect(await registeredRow.locator('[data-testid=audit-facts] dt').first().textContent()).toBe('Request no.');
    await screenshot(page, '125-audit-log-en');
    expect(errors).toEqual([]);
    // The public status page follows the language chosen in the staff app.
    await page.goto(`${suite.server.url}/public/apply/status`);
    expect(await page.textContent('h1')).toBe('Status of your information request');
    await context.close();
  }, 60_000);

  it('names the steps and actions of a document’s history in English too', async () => {
    const drafter = await signedIn(suite.server.url, 'drafter');
    const created = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title: '英文历史测试通知' }));
    await drafter.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'drafter');
    await page.click('.lang-toggle');
    await expect.poll(() => page.textContent('nav.app-nav')).toContain('My tasks');
    await page.goto(`${suite.server.url}/documents/${created.id}`);
    await page.waitForSelector('[data-testid=history]');
    expect(await page.textContent('[data-testid=doc-status]')).toMatch(/^(Statistics|Legality) review$/);
    const history = (await page.textContent('[data-testid=history]'))!;
    expect(history).toContain('Submitted for review');
    expect(history).toContain('Document drafted');
    expect(history).toMatch(/Draft → (Statistics|Legality) review/);
    await page.locator('[data-testid=history]').scrollIntoViewIfNeeded();
    await screenshot(page, '125-document-history-en');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('answers a citizen in English on the status page when they pick English', async () => {
    const receipt = await registerLetter('Li Hua');
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/public/apply/status`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.click('.lang-switch a');
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.fill('#requestNo', receipt.requestNo);
    await page.fill('#code', receipt.secretCode);
    await page.click('.apply-form button[type=submit]');
    await page.waitForSelector('.status-table');
    const table = (await page.textContent('.status-table'))!;
    expect(table).toContain('Received, to be examined');
    expect(table).toContain('Reply due by');
    // No Chinese left but the link back to it (中文).
    const rest = await page.evaluate(() => [...document.querySelectorAll('main > section > :not(.lang-switch)')].map((e) => e.textContent).join(' '));
    expect(rest).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.textContent('main')).not.toContain('Li Hua');
    await screenshot(page, '125-apply-status-en');
    // And back to Chinese from the same page.
    await page.click('.lang-switch a');
    await page.waitForSelector('h1');
    expect(await page.textContent('h1')).toBe('依申请公开办理进度查询');
    await context.close();
  }, 30_000);
});
