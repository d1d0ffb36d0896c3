/**
 * A board with more due work than it lists: each list holds the BOARD_LIMIT most urgent rows
 * (the board's cost must not grow with a backlog), and the page says its counts cover only
 * what is listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import path from 'node:path';
import { ARTIFACTS, launchBrowser, watchPageErrors } from './browser';
import { signIn } from './staff-actions';
import { BOARD_LIMIT } from '../../server/services/deadline-board-service';

const clock = Date.parse('2026-12-08T10:00:00+08:00');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  const { client } = server.services.database;
  const documentId = String((await client.execute('SELECT id FROM documents ORDER BY id LIMIT 1')).rows[0]!.id);
  // A backlog of overdue legality reviews on one document, due a day apart from 2026-01-01.
  const rows = Array.from({ length: BOARD_LIMIT + 5 }, (_, i) => ({
    sql: "INSERT INTO tasks (id, document_id, step, seat_id, role, round, status, created_at, due_date) VALUES (?, ?, 'legality_review', ?, 'legal', 1, 'open', ?, ?)",
    args: [`backlog-${i}`, documentId, `backlog-seat-${i}`, clock, new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)],
  }));
  await client.batch(rows, 'write');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the deadline board with a backlog', () => {
  it('lists the most urgent BOARD_LIMIT tasks and says that more are due', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, server.url, 'publisher');
    await page.goto(`${server.url}/deadlines`);
    await page.waitForSelector('[data-testid=deadline-more]');
    expect(await page.textContent('[data-testid=deadline-more]')).toContain(`每栏只列出最紧急的 ${BOARD_LIMIT} 项`);
    expect(await page.locator('[data-testid=deadline-task-row]').count()).toBe(BOARD_LIMIT);
    expect(await page.locator('[data-testid=deadline-task-row]').first().textContent()).toContain('2026/01/01');
    // The head of the page (the whole list is 200 rows long).
    await page.screenshot({ path: path.join(ARTIFACTS, '31-deadline-board-backlog.png'), clip: { x: 0, y: 0, width: 1280, height: 480 } });
    expect(errors).toEqual([]);
    await context.close();
  });
});
