/**
 * Offline-channel proofs in the staff app: the publisher opens a published document that was
 * also posted on the notice board, is refused a Word file, uploads a photo, and finds it in the
 * year's list for the inspection; a drafter is offered none of it.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { documents } from '../../server/db/schema/index';
import { ARTIFACTS, browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { signIn, signOut } from './staff-actions';

const suite = browserSuite();

describe('offline channel proofs', () => {
  it('the publisher uploads a notice-board photo and finds it in the year-end list', async () => {
    const [doc] = await suite.server.services.database.db
      .select({ id: documents.id, title: documents.title })
      .from(documents)
      .where(and(eq(documents.status, 'published'), eq(documents.attribute, 'open'), like(documents.channels, '%notice_board%')))
      .limit(1);
    expect(doc).toBeDefined();
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'publisher');
    // The "photo": a real PNG of the page as it stands.
    const photo = await page.screenshot({ type: 'png' });

    await page.goto(`${suite.server.url}/documents/${doc!.id}`);
    await page.waitForSelector('[data-testid=proofs-panel]');
    expect(await page.textContent('[data-testid=proof-channel-notice_board]')).toContain('尚未上传凭证');

    await page.setInputFiles('[data-testid=proof-file]', { name: '张贴说明.docx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    await page.click('[data-testid=proof-upload]');
    expect(await (await page.waitForSelector('[data-testid=proof-error]')).textContent()).toBe('发布凭证仅限照片或扫描件（JPG、PNG 或 PDF）');

    await page.selectOption('[data-testid=proof-channel]', 'notice_board');
    await page.fill('[data-testid=proof-note]', '局机关一楼政务公开栏');
    await page.setInputFiles('[data-testid=proof-file]', { name: '公开栏张贴照片.png', mimeType: 'image/png', buffer: photo });
    await page.click('[data-testid=proof-upload]');
    await page.waitForSelector('[data-testid=proof-channel-notice_board] [data-testid=proof-item]');
    expect(await page.textContent('[data-testid=proof-channel-notice_board]')).toContain('公开栏张贴照片.png');
    expect(await page.locator('[data-testid=proof-error]').count()).toBe(0);
    await page.locator('[data-testid=proofs-panel]').scrollIntoViewIfNeeded();
    await screenshot(page, '99-proof-uploaded');
    await page.locator('[data-testid=proofs-panel]').screenshot({ path: `${ARTIFACTS}/99-proof-panel.png` });

    await page.click('a[href="/channel-proofs"]');
    await page.waitForSelector('[data-testid=proof-row]');
    const row = (await page.textContent('[data-testid=proof-row]'))!;
    expect(row).toContain(doc!.title);
    expect(row).toContain('政务公开栏');
    expect(row).toContain('公开栏张贴照片.png');
    expect(row).toContain('局机关一楼政务公开栏');
    await screenshot(page, '99-proofs-year');
    // Last year has none; the choice is kept in the address.
    const lastYear = String(new Date().getFullYear() - 1);
    await page.selectOption('[data-testid=proofs-year]', lastYear);
    await page.waitForSelector('[data-testid=proofs-empty]');
    expect(page.url()).toContain(`year=${lastYear}`);
    // The refused .docx is the one expected 400 the browser logs.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);

    await signOut(page);
    await signIn(page, suite.server.url, 'drafter');
    expect(await page.locator('a[href="/channel-proofs"]').count()).toBe(0);
    await context.close();
  });
});
