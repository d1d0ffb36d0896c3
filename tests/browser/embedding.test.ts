/**
 * The staff app embedded in the example host under /disclosure, signed in through the host:
 * the built client finds its assets, router base and API under the base path, and its links
 * stay there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { createHostApp, type HostApp } from '../../examples/host-app/host-app';
import { seedDemoBureau } from '../../server/seed/seed-demo';
import { TEST_PASSWORD } from '../support/test-server';
import { LAPTOP, launchBrowser, screenshot, watchPageErrors } from './browser';

let dir: string;
let host: HostApp;
let server: ServerType;
let url: string;
let browser: Browser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-embed-browser-'));
  host = await createHostApp({ databaseUrl: `file:${path.join(dir, 'shenfa.db')}`, settings: { dataDir: dir, clientDir: path.resolve('dist/client') }, scheduler: false });
  await seedDemoBureau(host.shenfa.services, TEST_PASSWORD);
  server = await new Promise((resolve) => {
    const s = serve({ fetch: host.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('signs in through the host, opens 审发 under /disclosure and moves between its pages by links', async () => {
  const context = await browser.newContext(LAPTOP);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404) missing.push(new URL(r.url()).pathname);
  });

  // Not signed in to the host: Shenfa shows no password form of its own and sends the person to the host's login.
  await page.goto(`${url}/disclosure/`);
  await page.waitForURL(`${url}/login`);

  await page.selectOption('select[name=username]', 'wu.lei');
  await page.click('button[type=submit]');
  await page.waitForURL(`${url}/`);
  await page.click('[data-testid=open-shenfa]');
  await page.waitForURL(`${url}/disclosure/`);
  await expect.poll(() => page.locator('.user-name').textContent()).toBe('吴磊');
  // Password and sign-out belong to the host.
  expect(await page.locator('[data-testid=logout]').count()).toBe(0);
  expect(await page.locator('[data-testid=account]').count()).toBe(0);

  await page.getByRole('link', { name: '我的起草' }).click();
  await page.waitForURL(`${url}/disclosure/mine`);
  await page.getByRole('link', { name: '系统管理' }).click();
  await page.waitForURL(`${url}/disclosure/admin`);
  await page.locator('nav.admin-nav').getByRole('link', { name: '用户管理' }).click();
  await page.waitForURL(`${url}/disclosure/admin/users`);
  await expect.poll(() => page.locator('body').textContent()).toContain('wu.lei'); // provisioned on first sight, listed beside Shenfa's own users
  await screenshot(page, '110-embedded-users');

  // A reload of a deep client route still finds the assets through <base href>.
  await page.reload();
  await expect.poll(() => page.locator('.user-name').textContent()).toBe('吴磊');

  // No 账号安全 page either: a direct visit finds nothing to change.
  await page.goto(`${url}/disclosure/account`);
  await expect.poll(() => page.locator('.user-name').textContent()).toBe('吴磊');
  expect(await page.locator('[data-testid=current-password]').count()).toBe(0);

  // The public catalog link leaves the app for the server-rendered catalog, still under /disclosure.
  await page.getByRole('link', { name: '公开目录' }).click();
  await page.waitForURL(`${url}/disclosure/public`);
  const firstDocument = page.locator('a[href^="/disclosure/public/documents/"]').first();
  await firstDocument.click();
  await page.waitForURL(/\/disclosure\/public\/documents\//);
  await screenshot(page, '111-embedded-public-document');
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
