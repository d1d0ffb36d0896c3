import { describe, expect, it } from 'vitest';
import { signedIn } from '../support/api-client';
import { ALL_CHECKS } from '../support/review-driver';
import { categoryId, draftInput, partialOverrides } from '../support/draft-input';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { draftAndSubmit, openFromInbox, signIn, signOut, tickFiveChecks, waitForStep } from './staff-actions';

const PHONE = '13912345678';
const RESIDENT_ID = '11010519491231002X';
const BODY = [
  '根据《社会救助暂行办法》，现将2026年第四季度困难群众临时救助申请受理情况通报如下。',
  `本季度共受理临时救助申请58件，其中急难型救助12件。受助人张某某，身份证号码${RESIDENT_ID}，因突发重病获得临时救助金6000元。`,
  `如对救助结果有异议，可联系社会救助科经办人王某，电话${PHONE}。`,
].join('\n');

const suite = browserSuite();

/** Created and submitted by the drafter and approved by legality through the API: the document waits for secrecy review. */
async function atSecrecyReview(title: string, overrides: Parameters<typeof draftInput>[1] = {}) {
  const drafter = await signedIn(suite.server.url, 'drafter');
  const legal = await signedIn(suite.server.url, 'legal');
  const created = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title, ...overrides }));
  await drafter.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  const doc = await legal.trpc.documents.get.query({ id: created.id });
  await legal.trpc.review.approve.mutate({ documentId: doc.id, expectedVersion: doc.version, taskId: doc.openTask!.id, opinion: '同意。', checks: ALL_CHECKS });
  return created.id;
}

describe('secrecy review in the browser', () => {
  it('refuses approval over unmasked personal data until the reviewer masks one item and justifies the other', async () => {
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const title = '2026年第四季度临时救助受理情况通报';

    await signIn(page, suite.server.url, 'drafter');
    await draftAndSubmit(page, { title, docNumber: '清民〔2026〕131号', writtenAt: '2026-12-01', body: BODY });
    await signOut(page);

    await signIn(page, suite.server.url, 'legal');
    await openFromInbox(page, title);
    await tickFiveChecks(page);
    await page.fill('[data-testid=opinion]', '法律依据充分，同意。');
    await page.click('[data-testid=approve]');
    await waitForStep(page, '保密审查');
    await signOut(page);

    await signIn(page, suite.server.url, 'secrecy');
    await openFromInbox(page, title);
    await page.waitForSelector('[data-testid=privacy-hits]');
    expect(await page.locator('[data-testid=privacy-hit]').count()).toBe(2);
    // The warning itself shows the numbers masked.
    expect(await page.textContent('[data-testid=privacy-hits]')).not.toContain(RESIDENT_ID);
    await screenshot(page, '30-secrecy-privacy-hits');

    await tickFiveChecks(page);
    await page.fill('[data-testid=opinion]', '经保密审查，同意公开。');
    await page.click('[data-testid=approve]');
    await page.waitForSelector('[data-testid=action-error]');
    expect(await page.textContent('[data-testid=action-error]')).toContain('疑似未脱敏个人信息');
    expect(await page.textContent('[data-testid=doc-status]')).toContain('保密审查');
    await screenshot(page, '30-secrecy-approve-refused');

    await page.locator('[data-testid=privacy-hit]', { hasText: '身份证号' }).locator('[data-testid=privacy-mask]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=privacy-hit]').length === 1);
    const body = (await page.textContent('.doc-body-card .doc-body')) ?? '';
    expect(body).not.toContain(RESIDENT_ID);
    expect(body).toContain('1101**********002X');
    const phoneHit = page.locator('[data-testid=privacy-hit]', { hasText: '手机号码' });
    await phoneHit.locator('[data-testid=privacy-note]').fill('社会救助科对外公布的经办人工作电话，依规公开');
    await phoneHit.locator('[data-testid=privacy-keep]').click();
    await page.waitForSelector('text=已说明保留');
    await screenshot(page, '30-secrecy-resolved');

    await tickFiveChecks(page);
    await page.click('[data-testid=approve]');
    await waitForStep(page, '分管领导审批');
    expect(await page.textContent('[data-testid=action-done]')).toContain('同意');
    await screenshot(page, '30-secrecy-approved');
    // The browser logs the one refused approval (HTTP 400); nothing else may go wrong.
    expect(errors).toEqual([expect.stringContaining('400 (Bad Request)')]);
    await context.close();
  });

  it('returns to the drafter with an opinion; the drafter edits and resubmits; legality has it again', async () => {
    const title = '关于做好2026年冬季救助物资储备工作的通知';
    await atSecrecyReview(title);
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const opinion = '第三段资金发放要求不够具体，请写明发放时限后重新提交。';

    await signIn(page, suite.server.url, 'secrecy');
    await openFromInbox(page, title);
    await page.selectOption('[data-testid=return-target]', 'draft');
    await page.fill('[data-testid=opinion]', opinion);
    await screenshot(page, '30-secrecy-return');
    await page.click('[data-testid=return]');
    await waitForStep(page, '起草');
    await signOut(page);

    await signIn(page, suite.server.url, 'drafter');
    const row = page.locator('[data-testid=task-row]', { hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('已退回');
    await screenshot(page, '30-drafter-returned-inbox');
    await row.locator('a').first().click();
    await page.waitForSelector('[data-testid=reviews]');
    expect(await page.textContent('[data-testid=reviews]')).toContain(opinion);
    expect(await page.textContent('[data-testid=return-notice]')).toContain(opinion);
    await page.click('[data-testid=edit-document]');
    await page.waitForURL(/\/edit$/);
    expect(await page.textContent('[data-testid=return-notice]')).toContain(opinion);
    const body = await page.inputValue('[name=body]');
    await page.fill('[name=body]', body.replace('确保按时足额发放到位。', '确保于2026年12月20日前足额发放到位。'));
    await screenshot(page, '30-drafter-edit');
    await page.click('[data-testid=save-draft]');
    await page.waitForURL(/\/documents\/[^/]+$/);
    await page.click('[data-testid=submit-document]');
    await waitForStep(page, '合法性审查');
    expect(await page.textContent('.doc-body-card')).toContain('2026年12月20日前');
    await signOut(page);

    await signIn(page, suite.server.url, 'legal');
    await page.locator('[data-testid=task-row]', { hasText: title }).waitFor();
    await screenshot(page, '30-legal-sees-again');
    await openFromInbox(page, title);
    expect(await page.textContent('[data-testid=reviews]')).toContain(opinion);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the secrecy reviewer revise and confirm the redactions of a partial document', async () => {
    const title = '2026年第四季度临时救助对象公示（删减后公开）';
    await atSecrecyReview(title, partialOverrides());
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await signIn(page, suite.server.url, 'secrecy');
    await openFromInbox(page, title);
    const review = page.locator('[data-testid=redaction-review]');
    await review.waitFor();
    expect(await review.locator('[data-testid=redaction-review-item]').count()).toBe(1);
    expect(await review.locator('[data-testid=redaction-pending]').count()).toBe(1);

    // Removing the only passage would leave a partial document with nothing removed.
    await review.locator('[data-testid=redaction-review-remove]').click();
    await review.locator('[data-testid=confirm-redactions]').click();
    expect(await review.locator('[data-testid=redaction-review-error]').textContent()).toContain('至少保留一处删减');
    await page.reload();
    await review.waitFor();

    await review.locator('[data-testid=redaction-review-ground]').selectOption('third_party_rights');
    await review.locator('[data-testid=redaction-review-reason]').fill('涉及受助人个人隐私（姓名、身份证号码、联系电话）');
    await review.locator('[data-testid=confirm-redactions]').click();
    await review.locator('[data-testid=redaction-confirmed]').waitFor();
    expect(await review.locator('[data-testid=redaction-pending]').count()).toBe(0);
    expect(await review.locator('[data-testid=redaction-review-reason]').inputValue()).toBe('涉及受助人个人隐私（姓名、身份证号码、联系电话）');
    await screenshot(page, '30-redaction-review');

    const drafter = await signedIn(suite.server.url, 'drafter');
    const mine = (await drafter.trpc.documents.mine.query()).find((d) => d.title === title)!;
    const stored = await drafter.trpc.documents.get.query({ id: mine.id });
    expect(stored.redactions).toMatchObject([{ ground: 'third_party_rights', reason: '涉及受助人个人隐私（姓名、身份证号码、联系电话）' }]);
    expect(stored.redactions[0]!.confirmedBy).not.toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
