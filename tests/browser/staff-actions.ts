/**
 * What a member of staff does in the browser, shared by the browser tests: sign in and
 * out, open a task from 我的待办, tick the five checks, approve. Each takes the test
 * server's URL where it navigates, since every test file starts its own server.
 */
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/test-server';
import { screenshot } from './browser';

export const FIVE_CHECKS = ['political', 'legal', 'policy', 'secrecy', 'wording'] as const;

/** Signs in through the login form as a demo user and waits until the app has left /login. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#username', username);
  await page.fill('#password', TEST_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page: Page): Promise<void> {
  await page.click('[data-testid=logout]');
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
}

/** From 我的待办, opens the task whose row shows `title`, and waits for the document page. */
export async function openFromInbox(page: Page, title: string): Promise<void> {
  await page.locator('[data-testid=task-row]', { hasText: title }).locator('a').first().click();
  await page.waitForURL(/\/documents\/[^/]+$/);
  await page.waitForSelector('[data-testid=doc-status]');
}

export async function tickFiveChecks(page: Page): Promise<void> {
  for (const check of FIVE_CHECKS) await page.check(`input[name=check-${check}]`);
}

/** Waits until the document page's current step reads `label`. */
export async function waitForStep(page: Page, label: string): Promise<void> {
  await page.waitForFunction((l) => document.querySelector('[data-testid=doc-status]')?.textContent?.includes(l), label);
}

/**
 * The drafter (already signed in) drafts an open document for the portal through the form,
 * saves it and submits it, and waits until it stands at legality review (合法性审查).
 */
export async function draftAndSubmit(page: Page, draft: { title: string; docNumber: string; writtenAt: string; body: string }): Promise<void> {
  await page.click('a[href="/documents/new"]');
  await page.fill('[name=title]', draft.title);
  await page.fill('[name=docNumber]', draft.docNumber);
  await page.selectOption('[name=categoryId]', { index: 1 });
  await page.fill('[name=writtenAt]', draft.writtenAt);
  await page.fill('[name=body]', draft.body);
  await page.check('input[name=attribute][value=open]');
  await page.check('input[name=channels][value=portal]');
  await page.click('[data-testid=save-draft]');
  await page.waitForURL(/\/documents\/[^/]+$/);
  await page.click('[data-testid=submit-document]');
  await waitForStep(page, '合法性审查');
}

/**
 * The reviewer signs in, opens the task from the inbox, ticks the five checks and approves
 * with an opinion (screenshot `shot` just before), waits for the step to move on, signs out.
 */
export async function approveFromInbox(page: Page, baseUrl: string, username: string, title: string, shot: string): Promise<void> {
  await signIn(page, baseUrl, username);
  await openFromInbox(page, title);
  await page.waitForSelector('[data-testid=approve]');
  await tickFiveChecks(page);
  await page.fill('[data-testid=opinion]', '经审查，同意。');
  await screenshot(page, shot);
  const before = await page.textContent('[data-testid=doc-status]');
  await page.click('[data-testid=approve]');
  await page.waitForFunction((prev) => document.querySelector('[data-testid=doc-status]')?.textContent !== prev, before);
  await signOut(page);
}

/** Opens one of the admin tools the way an administrator does: 系统管理, then the tool in its bar. */
export async function openAdminTool(page: Page, href: string): Promise<void> {
  await page.click('[data-testid=nav-admin]');
  await page.click(`nav.admin-nav a[href$="${href}"]`);
  await page.waitForURL((url) => url.pathname.endsWith(href));
}
