/**
 * The request flow in the visual editor: listed with release review, drawn as a graph (elkjs),
 * edited in the side panel with live validation, simulated, and published as version 2; and
 * the release-review step panel offering the registry's names, the sensitive-words plugin
 * included.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';
import { signedIn } from '../support/api-client';
import { applicationFields } from '../support/apply-form';
import { cstDate } from '../../server/time';

const suite = browserSuite();
const graph = '[data-testid=request-flow-graph]';
const node = (step: string) => `${graph} [data-testid=wf-node][data-step=${step}]`;

async function topShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe('the request flow in the workflow editor', () => {
  it('opens as a graph, refuses an unreviewed reply, simulates, and publishes version 2', async () => {
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/admin/workflows`);
    const item = '[data-testid=workflow-item][data-key=info-request]';
    await page.waitForSelector(item);
    expect(await page.textContent(item)).toContain('依申请公开办理');
    await page.click(`${item} [data-testid=edit-workflow]`);
    await page.waitForSelector(node('registered'));
    // Every step is a box, and the arrows carry the events.
    expect(await page.locator(`${graph} [data-testid=wf-node]`).count()).toBe(8);
    expect(await page.textContent(`${graph} [data-edge="awaiting_correction->closed"]`)).toContain('逾期未补正，终止');
    expect(await page.textContent(node('accepted'))).toContain('可申请延期、批准延期');
    expect(await page.locator('[data-testid=wf-valid]').count()).toBe(1);
    await topShot(page, '73-request-flow-graph');

    // A reply sent straight from the draft is flagged on the graph and cannot be published.
    await page.click(node('reply_drafted'));
    await page.waitForSelector('[data-testid=step-panel]');
    expect(await page.textContent('[data-testid=step-transitions]')).toContain('答复书由起草人以外的人员审核');
    await page.click('[data-testid=add-transition]');
    const last = (await page.locator('[data-testid=transition-row]').count()) - 1;
    await page.selectOption(`[data-testid=transition-event-${last}]`, 'SEND_REPLY');
    await page.selectOption(`[data-testid=transition-to-${last}]`, 'closed');
    await page.waitForSelector('[data-testid=wf-issue][data-code=reply_unreviewed]');
    expect(await page.textContent('[data-testid=wf-issues]')).toContain('步骤「答复书待审核」（reply_drafted）：答复书可以未经审核');
    expect(await page.isDisabled('[data-testid=publish]')).toBe(true);
    await topShot(page, '73-request-flow-invalid');
    await page.locator('[data-testid=transition-row]').nth(last).locator('button').click();
    await page.waitForSelector('[data-testid=wf-valid]');

    // Simulation: a sample request through the draft, the path highlighted on the graph.
    await page.check('[data-testid=sim-toggle]');
    for (const event of ['ACCEPT', 'DRAFT_REPLY', 'REVIEW_REPLY', 'SEND_REPLY']) await page.click(`[data-testid=sim-event-${event}]`);
    expect(await page.textContent('[data-testid=sim-path]')).toContain('已办结');
    expect(await page.locator(`${graph} .wf-on-path`).count()).toBe(4);
    await topShot(page, '73-request-flow-simulation');
    await page.uncheck('[data-testid=sim-toggle]');

    // A real change: consultations are named for what they are; publishing makes version 2.
    await page.click(node('consulting'));
    await page.fill('[data-testid=step-label-zh]', '征求第三方意见中');
    await page.fill('[data-testid=publish-notes]', '步骤改名');
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=publish-success]');
    expect(await page.textContent('[data-testid=publish-success]')).toContain('已发布第 2 版');
    // Back to the list by the page's own link, as an admin would.
    await page.getByRole('link', { name: /返回流程管理/ }).click();
    await page.waitForSelector(item);
    expect(await page.textContent(item)).toContain('第 2 版');

    // A request registered now follows version 2, and its page says so.
    const office = await signedIn(suite.server.url, 'publisher');
    const { id } = await office.trpc.requests.register.mutate({ form: applicationFields(), channel: 'letter', receivedAt: cstDate(Date.now()) });
    await page.goto(`${suite.server.url}/requests/${id}`);
    await page.waitForSelector('[data-testid=request-flow-version]');
    expect(await page.textContent('[data-testid=request-flow-version]')).toContain('按办理流程第 2 版办理');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the registry’s conditions and the sensitive-words plugin in the release-review step panel', async () => {
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/admin/workflows/release-review`);
    await page.click('[data-testid=editor-graph] [data-testid=wf-node][data-step=secrecy_review]');
    await page.waitForSelector('[data-testid=step-requires]');
    const options = await page.locator('[data-testid=step-condition] option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['含统计数据', '属重大事项', '可公开']));
    expect(await page.textContent('[data-testid=step-requires]')).toContain('不含敏感词');
    // Choosing the plugin's check keeps the draft valid: the editor knows the server's names.
    await page.check('[data-testid=step-requires-noSensitiveWords]');
    await page.waitForSelector('[data-testid=wf-valid]');
    await page.locator('[data-testid=step-requires]').scrollIntoViewIfNeeded();
    await screenshot(page, '73-review-step-registry');
    expect(errors).toEqual([]);
    await context.close();
  });
});
