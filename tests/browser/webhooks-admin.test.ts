/**
 * The admin's webhook page: add the portal as a receiver (the secret shown once), see a
 * failed delivery in the log and send it again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { driveThroughReview, signInAll } from '../support/review-driver';
import { categoryId, draftInput } from '../support/draft-input';
import { deliverDueWebhooks } from '../../server/services/webhook-service';
import { launchBrowser, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn } from './staff-actions';

let server: TestServer;
let browser: Browser;
let portal: http.Server;
let portalUrl: string;
let portalUp = false;
const received: string[] = [];

beforeAll(async () => {
  portal = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (portalUp) received.push(body);
      res.writeHead(portalUp ? 204 : 503).end();
    });
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/cms/hooks`;
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => portal.close(resolve));
});

describe('webhook receivers in the browser', () => {
  it('adds the portal, shows a failed delivery and sends it again', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'admin');
    await openAdminTool(page, '/admin/webhooks');
    await page.fill('[data-testid=webhook-name]', '市政府门户网站');
    await page.fill('[data-testid=webhook-url]', portalUrl);
    await page.click('[data-testid=webhook-save]');
    const secret = await page.locator('[data-testid=webhook-secret] code').textContent();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await page.locator('[data-testid=webhook-endpoints]', { hasText: '市政府门户网站' }).waitFor();
    await screenshot(page, '90-webhook-added');

    // A publication while the portal is down.
    const clients = await signInAll(server.url, ['drafter', 'stats', 'legal', 'secrecy', 'leader', 'director', 'publisher']);
    const created = await clients.drafter!.trpc.documents.create.mutate(draftInput(await categoryId(clients.drafter!, 'notice'), { title: '关于做好冬季困难群众救助工作的通知' }));
    await clients.drafter!.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    await driveThroughReview(clients, created.id);
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 0, failed: 1 });

    await page.reload();
    const row = page.locator('[data-testid=webhook-log] tr', { hasText: '关于做好冬季困难群众救助工作的通知' });
    await row.waitFor();
    expect(await row.textContent()).toContain('HTTP 503');
    expect(await page.locator('[data-testid=webhook-endpoints] tbody tr').first().textContent()).toContain('1 / 0');
    expect(await page.textContent('body')).not.toContain(secret!);
    await screenshot(page, '90-webhook-failed');

    portalUp = true;
    const retried = page.waitForResponse((r) => r.url().includes('webhooks.retry') && r.ok());
    await row.locator('[data-testid=webhook-retry]').click();
    await retried;
    expect(await deliverDueWebhooks(server.services)).toEqual({ delivered: 1, failed: 0 });
    expect(JSON.parse(received[0]!).document.title).toBe('关于做好冬季困难群众救助工作的通知');
    await page.reload();
    await page.locator('[data-testid=webhook-log] tr[data-status=delivered]').waitFor();
    await screenshot(page, '90-webhook-delivered');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
