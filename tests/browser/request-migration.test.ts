/**
 * Migrating requests in flight in the built app: the request-flow editor shows the migration
 * panel once a second version exists; the admin maps the old steps, previews (a request in
 * consultation refused, with the reason), applies; and the applicant's status page shows the
 * moved request's new step as 办理中, never its internal name.
 */
import { describe, expect, it } from 'vitest';
import { cstDate } from '../../server/time';
import { withLeaderSignoff } from '../../workflows/requests/request-flow-samples';
import { signedIn, type ApiClient } from '../support/api-client';
import { applicationFields } from '../support/apply-form';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const suite = browserSuite();
const today = () => cstDate(Date.now());

/** A request registered today, taken to `stage` by the office (and reviewed by the admin). */
async function requestAt(office: ApiClient, admin: ApiClient, stage: 'accepted' | 'consulting' | 'reply_reviewed') {
  const receipt = await office.trpc.requests.register.mutate({ form: applicationFields(), channel: 'letter', receivedAt: today() });
  const date = today();
  let version = (await office.trpc.requests.act.mutate({ action: 'accept', requestId: receipt.id, expectedVersion: 1, date, note: '' })).version;
  if (stage === 'consulting') await office.trpc.requests.act.mutate({ action: 'start_consultation', requestId: receipt.id, expectedVersion: version, date, note: '征求第三方意见' });
  if (stage === 'reply_reviewed') {
    version = (await office.trpc.requests.draftReply.mutate({ requestId: receipt.id, expectedVersion: version, date, result: 'disclose', subReason: null })).version;
    await admin.trpc.requests.reviewReply.mutate({ requestId: receipt.id, expectedVersion: version, date });
  }
  return receipt;
}

describe('migrating requests in flight from the request-flow editor', () => {
  it('maps, previews with a refusal and its reason, applies; the applicant sees 办理中', async () => {
    const [office, admin] = await Promise.all([signedIn(suite.server.url, 'publisher'), signedIn(suite.server.url, 'admin')]);
    const accepted = await requestAt(office, admin, 'accepted');
    const consulting = await requestAt(office, admin, 'consulting');
    const reviewed = await requestAt(office, admin, 'reply_reviewed');
    await admin.trpc.workflows.publish.mutate({ definition: withLeaderSignoff(), notes: '答复书增加领导签发' });

    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/admin/workflows/info-request`);
    const panel = '[data-testid=migration]';
    await page.waitForSelector(`${panel} [data-testid=migration-mapping]`);
    expect(await page.textContent(panel)).toContain('迁移在办申请');
    expect(await page.inputValue('[data-testid=migrate-from]')).toBe('1');
    expect(await page.inputValue('[data-testid=migrate-to]')).toBe('2');
    // The reviewed letter goes to the new sending step; a consultation is (wrongly) sent back to handling.
    await page.selectOption('[data-testid=map-reply_reviewed]', 'reply_signed');
    await page.selectOption('[data-testid=map-consulting]', 'accepted');
    await page.click('[data-testid=migration-preview]');
    await page.waitForSelector('[data-testid=migration-result]');
    const moves = await page.locator('[data-testid=migration-move]').allTextContents();
    expect(moves).toHaveLength(2);
    expect(moves.find((m) => m.includes(reviewed.requestNo))).toContain('答复书已签发待送达');
    expect(moves.some((m) => m.includes(accepted.requestNo))).toBe(true);
    const refused = await page.locator('[data-testid=migration-refused]').allTextContents();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain(consulting.requestNo);
    expect(refused[0]).toContain('该申请正在征求意见，只能迁移到同类的等待步骤');
    await page.locator(panel).scrollIntoViewIfNeeded();
    await screenshot(page, '122-request-migration-preview');

    await page.click('[data-testid=migration-apply]');
    await page.waitForSelector('[data-testid=migration-success]');
    expect(await page.textContent('[data-testid=migration-success]')).toContain('已将 2 件在办申请迁移到第 2 版');
    // The version list now counts them on version 2.
    expect(await page.locator('[data-testid=migrate-from] option').allTextContents()).toEqual(expect.arrayContaining(['第 2 版（在办 2 件）', '第 1 版（在办 1 件）']));

    // The applicant looks the moved request up: its new step reads 办理中, with the same reply limit.
    await page.goto(`${suite.server.url}/public/apply/status`);
    await page.fill('#requestNo', reviewed.requestNo);
    await page.fill('#code', reviewed.secretCode);
    await page.click('.status-form button[type=submit]');
    await page.waitForSelector('.status-table');
    const status = await page.textContent('.status-table');
    expect(status).toContain('办理中');
    expect(status).toContain('答复期限');
    expect(status).not.toContain('签发');
    await screenshot(page, '122-request-status-new-step');
    expect(errors).toEqual([]);
    await context.close();
  });
});
