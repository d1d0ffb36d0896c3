/**
 * A plugin publication channel in the browser: the drafter ticks it in 发布渠道 like a built-in
 * one, the document page names it by its label and the printed review sheet marks it.
 * Screenshots 121-*.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shenfa-drop-browser-'));
const suite = browserSuite({ env: { SHENFA_CHANNEL_FILE_DROP_DIR: dropDir } });
afterAll(() => fs.rmSync(dropDir, { recursive: true, force: true }));

describe('a plugin publication channel', () => {
  it('is offered when drafting, saved, named on the document page and marked on the review sheet', async () => {
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'drafter');
    await page.goto(`${suite.server.url}/documents/new`);
    await page.fill('[name=title]', '关于门户文件交换试点的通知');
    await page.fill('[name=docNumber]', '清民〔2026〕130号');
    await page.selectOption('[name=categoryId]', { index: 1 });
    await page.fill('[name=writtenAt]', '2026-10-15');
    await page.fill('[name=body]', '为做好政府信息公开门户对接工作，现就文件交换试点有关事项通知如下。');
    await page.check('input[name=attribute][value=open]');
    // The plugin's channel is offered beside the built-in ones.
    await page.check('input[name=channels][value=portal_file_drop]');
    await screenshot(page, '121-draft-plugin-channel');
    await page.click('[data-testid=save-draft]');
    await page.waitForURL(/\/documents\/[^/]+$/);
    await page.waitForSelector('[data-testid=doc-status]');
    expect(await page.locator('.tag', { hasText: '门户文件交换目录' }).count()).toBe(1);
    await page.goto(`${page.url()}/sheet`);
    await page.waitForSelector('[data-testid=sheet-channels]');
    expect(await page.textContent('[data-testid=sheet-channels]')).toContain('☑门户文件交换目录');
    await screenshot(page, '121-sheet-plugin-channel');
    expect(errors).toEqual([]);
    await context.close();
  });
});
