import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { categoryId, draftInput } from '../support/draft-input';
import { ALL_CHECKS, signInAll, type Clients } from '../support/review-driver';
import { launchBrowser, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn, signOut } from './staff-actions';

let server: TestServer;
let browser: Browser;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter', 'legal', 'stats', 'director']);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The drafter drafts and submits a document through the API; it waits at legality review. */
async function submitted(title: string): Promise<string> {
  const drafter = clients.drafter!;
  const created = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title }));
  await drafter.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
  return created.id;
}

/** `username` approves the seat they hold at the document's current step. */
async function approve(username: string, documentId: string): Promise<string> {
  const client = clients[username]!;
  const doc = await client.trpc.documents.get.query({ id: documentId });
  if (!doc.openTask) throw new Error(`${username} has no task at ${doc.currentStep.id}`);
  await client.trpc.review.approve.mutate({ documentId, expectedVersion: doc.version, taskId: doc.openTask.id, opinion: '同意', checks: ALL_CHECKS });
  return (await client.trpc.documents.get.query({ id: documentId })).currentStep.id;
}

const node = (step: string) => `[data-testid=editor-graph] [data-testid=wf-node][data-step=${step}]`;

async function topShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe('the visual workflow editor', () => {
  it('an admin adds a 会签 step after legality review and publishes; new documents follow it, documents in flight do not', async () => {
    const inFlight = await submitted('关于2026年度养老服务补贴发放情况的公示');

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await signIn(page, server.url, 'admin');
    await openAdminTool(page, '/admin/workflows');
    await page.waitForSelector('[data-testid=workflow-item][data-key=release-review]');
    expect(await page.textContent('[data-testid=workflow-item][data-key=release-review]')).toContain('第 1 版');
    await topShot(page, '70-workflow-list');

    await page.click('[data-testid=workflow-item][data-key=release-review] [data-testid=edit-workflow]');
    await page.waitForSelector(node('legality_review'));
    await page.waitForSelector('[data-testid=wf-valid]');
    // Nothing changed yet: nothing to publish.
    expect(await page.isDisabled('[data-testid=publish]')).toBe(true);
    await topShot(page, '70-editor');

    // Select 合法性审查 and add a step after it: a new step without a role is flagged at once.
    await page.click(node('legality_review'));
    await page.waitForSelector('[data-testid=step-panel]');
    await page.click('[data-testid=add-step]');
    await page.waitForSelector(`${node('step_1')}.wf-has-issue`);
    expect(await page.textContent('[data-testid=wf-issues]')).toContain('该步骤没有指定办理角色');

    // Make it a 会签 by the leader with one signer so far: still incomplete, said in Chinese on the graph.
    await page.fill('[data-testid=step-id]', 'joint_countersign');
    await page.press('[data-testid=step-id]', 'Tab');
    await page.fill('[data-testid=step-label-zh]', '联合会签');
    await page.fill('[data-testid=step-label-en]', 'Joint countersign');
    await page.selectOption('[data-testid=step-kind]', 'countersign');
    await page.selectOption('[data-testid=step-role]', 'leader');
    await page.click('[data-testid=add-signer]');
    await page.selectOption('[data-testid=signer-0]', 'role:stats');
    await page.waitForSelector(`${node('joint_countersign')}.wf-has-issue`);
    expect(await page.textContent('[data-testid=wf-issues]')).toContain('会签步骤至少需要两名签批人');
    expect(await page.textContent('[data-testid=step-issues]')).toContain('会签步骤至少需要两名签批人');
    expect(await page.isDisabled('[data-testid=publish]')).toBe(true);
    await topShot(page, '70-editor-incomplete');

    // The second signer, the leader: complete; the red outline and the issue list are gone.
    await page.click('[data-testid=add-signer]');
    await page.selectOption('[data-testid=signer-1]', 'role:leader');
    await page.check('[data-testid=step-mode] input[value=all]');
    await page.waitForSelector('[data-testid=wf-valid]');
    expect(await page.locator('[data-testid=wf-issues]').count()).toBe(0);
    expect(await page.locator(`${node('joint_countersign')}.wf-has-issue`).count()).toBe(0);
    expect(await page.textContent(node('joint_countersign'))).toContain('联合会签');
    await topShot(page, '70-editor-countersign');

    // Simulation: a document with statistics goes draft → stats → legality → 联合会签, nothing stored.
    await page.check('[data-testid=sim-toggle]');
    await page.check('[data-testid=sim-condition-hasStatistics]');
    for (let i = 0; i < 3; i++) await page.click('[data-testid=sim-approve]');
    expect(await page.textContent('[data-testid=sim-path]')).toContain('联合会签');
    await page.waitForSelector(`${node('joint_countersign')}.wf-current`);
    expect(await page.locator('[data-testid=editor-graph] .wf-edge.wf-on-path').count()).toBe(3);
    await topShot(page, '70-editor-simulation');
    await page.uncheck('[data-testid=sim-toggle]');

    await page.fill('[data-testid=publish-notes]', '合法性审查后增加统计与分管领导联合会签');
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=publish-success]');
    expect(await page.textContent('[data-testid=publish-success]')).toContain('第 2 版');
    expect(errors).toEqual([]);
    await topShot(page, '70-editor-published');

    // A document submitted now follows version 2: after legality review it waits at 联合会签.
    const fresh = await submitted('关于开展2027年度低保对象复核工作的通知');
    expect(await approve('legal', fresh)).toBe('joint_countersign');
    // The one already in flight stays on version 1: legality review hands it to secrecy review.
    expect(await approve('legal', inFlight)).toBe('secrecy_review');
    // 会签: both seats must approve before it moves on.
    expect(await approve('stats', fresh)).toBe('joint_countersign');
    expect(await approve('director', fresh)).toBe('secrecy_review');

    // The document pages draw the version each document is on, with its path.
    await signOut(page);
    await signIn(page, server.url, 'drafter');
    await page.goto(`${server.url}/documents/${fresh}`);
    await page.waitForSelector('[data-testid=document-graph] [data-step=joint_countersign].wf-visited');
    await page.waitForSelector('[data-testid=document-graph] [data-step=secrecy_review].wf-current');
    await page.locator('[data-testid=document-flow]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=document-flow]').screenshot({ path: 'tests/artifacts/70-document-graph.png' });
    await page.goto(`${server.url}/documents/${inFlight}`);
    await page.waitForSelector('[data-testid=document-graph] [data-step=secrecy_review].wf-current');
    expect(await page.locator('[data-testid=document-graph] [data-step=joint_countersign]').count()).toBe(0);
    await page.locator('[data-testid=document-flow]').screenshot({ path: 'tests/artifacts/70-document-graph-in-flight.png' });

    // On a phone the graph stays readable: it scrolls sideways inside its card rather than shrinking.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/documents/${fresh}`);
    await page.waitForSelector('[data-testid=document-graph] [data-step=secrecy_review].wf-current');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('[data-testid=document-flow]').screenshot({ path: 'tests/artifacts/70-document-graph-phone.png' });
    expect(errors).toEqual([]);

    // Migration: the admin previews moving version 1's documents onto version 2, then applies it.
    await page.setViewportSize({ width: 1440, height: 900 });
    await signOut(page);
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/admin/workflows/release-review`);
    await page.waitForSelector('[data-testid=migration-mapping]');
    expect(await page.inputValue('[data-testid=migrate-from]')).toBe('1');
    expect(await page.inputValue('[data-testid=migrate-to]')).toBe('2');
    expect(await page.inputValue('[data-testid=map-secrecy_review]')).toBe('secrecy_review');
    // As mapped by default, a document at secrecy review would skip the new 会签: refused, with the reason.
    await page.click('[data-testid=migration-preview]');
    await page.waitForSelector('[data-testid=migration-result]');
    expect(await page.locator('[data-testid=migration-refused]').filter({ hasText: '养老服务补贴' }).count()).toBe(1);
    // Documents at secrecy review go back to the 会签 first.
    await page.selectOption('[data-testid=map-secrecy_review]', 'joint_countersign');
    await page.click('[data-testid=migration-preview]');
    await page.waitForSelector('[data-testid=migration-result]');
    await page.locator('[data-testid=migration]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=migration]').screenshot({ path: 'tests/artifacts/70-migration-preview.png' });
    const moves = page.locator('[data-testid=migration-move]');
    expect(await moves.filter({ hasText: '养老服务补贴' }).count()).toBe(1);
    const moving = await moves.count();
    await page.click('[data-testid=migration-apply]');
    await page.waitForSelector('[data-testid=migration-success]');
    expect(await page.textContent('[data-testid=migration-success]')).toContain(`${moving} 件`);
    const moved = await clients.drafter!.trpc.workflows.documentPath.query({ documentId: inFlight });
    expect(moved.definition.version).toBe(2);
    expect(moved.currentStep).toBe('joint_countersign');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads in English too, with the same graph', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript(() => localStorage.setItem('shenfa.locale', 'en'));
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/admin/workflows/release-review`);
    await page.waitForSelector(node('leader_signoff'));
    await page.click(node('leader_signoff'));
    await page.waitForSelector('[data-testid=step-panel]');
    expect(await page.textContent(node('stats_review'))).toContain('only if has statistics');
    expect(await page.textContent('[data-testid=step-panel]')).toContain('May return to');
    await topShot(page, '70-editor-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
