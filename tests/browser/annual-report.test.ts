/**
 * The annual report page as the disclosure office uses it: the tables computed from the
 * request register (merged headers like a printed report), a broken record named and its
 * cell marked, submission blocked until it is fixed, the narrative written and saved, the
 * .docx downloaded and read back, and the report submitted into release review.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import JSZip from 'jszip';
import { eq, sql } from 'drizzle-orm';
import { infoRequests } from '../../server/db/schema/index';
import { startTestServer, type TestServer } from '../support/test-server';
import { ARTIFACTS, launchBrowser, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';
import { ALL_CHECKS, signInAll } from '../support/review-driver';
import { documents } from '../../server/db/schema/index';

let server: TestServer;
let browser: Browser;
const YEAR = 2025;
let publicUrl = '';

const REQUESTS: { no: string; type: string; received: string; closed: string | null; result: string | null; sub?: string }[] = [
  { no: 'QY-2024-0031', type: 'natural_person', received: '2024-12-18', closed: '2025-01-09', result: 'disclose' },
  { no: 'QY-2025-0002', type: 'natural_person', received: '2025-03-04', closed: '2025-03-26', result: 'disclose' },
  { no: 'QY-2025-0005', type: 'business', received: '2025-04-10', closed: '2025-05-08', result: 'partial' },
  { no: 'QY-2025-0007', type: 'research', received: '2025-06-02', closed: '2025-06-20', result: 'withhold', sub: 'process_information' },
  { no: 'QY-2025-0011', type: 'natural_person', received: '2025-08-11', closed: '2025-08-29', result: 'not_processed', sub: 'repeated_request' },
  { no: 'QY-2025-0013', type: 'natural_person', received: '2025-09-15', closed: '2025-10-20', result: 'other', sub: 'no_correction_in_time' },
  { no: 'QY-2025-0016', type: 'legal_service', received: '2025-12-23', closed: null, result: null },
  // Closed without its result being recorded: the tables cannot add up.
  { no: 'QY-2025-0014', type: 'natural_person', received: '2025-10-09', closed: '2025-10-30', result: null },
];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const now = Date.now();
  await server.services.database.db.insert(infoRequests).values(REQUESTS.map((r) => ({
    id: `req-${r.no}`, requestNo: r.no, status: r.closed ? 'closed' : 'accepted', channel: 'online', applicantType: r.type, applicantName: '测试申请人',
    description: '申请公开相关政府信息', deliveryForm: 'electronic', receivedAt: r.received, secretCodeHash: 'x', snapshot: {}, result: r.result,
    subReason: r.sub ?? null, closedAt: r.closed, repliedAt: r.closed, createdAt: now, updatedAt: now,
  })));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cellText = (page: Page, ref: string) => page.textContent(`[data-ref="${ref}"]`).then((s) => s?.trim());

describe('annual report page', () => {
  it('shows the computed tables, names the broken request, and submits once it adds up', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    page.on('dialog', (d) => void d.accept());
    await signIn(page, server.url, 'publisher');
    await page.click('a[href="/reports/annual"]');
    await page.waitForSelector('[data-testid=report-title]');
    await page.selectOption('[data-testid=report-year]', String(YEAR));
    await page.waitForFunction((y) => document.querySelector('[data-testid=report-title]')?.textContent?.includes(`${y}年`), YEAR);
    expect(await page.textContent('[data-testid=report-title]')).toBe('清源市民政局2025年政府信息公开工作年度报告');

    // Request counts per result and applicant type, straight from the register.
    expect(await cellText(page, 'requests/new/natural_person')).toBe('4');
    expect(await cellText(page, 'requests/new/total')).toBe('7');
    expect(await cellText(page, 'requests/carried_over/natural_person')).toBe('1');
    expect(await cellText(page, 'requests/result:disclose/natural_person')).toBe('2');
    expect(await cellText(page, 'requests/result:partial/business')).toBe('1');
    expect(await cellText(page, 'requests/result:withhold:process_information/research')).toBe('1');
    expect(await cellText(page, 'requests/result:other:no_correction_in_time/natural_person')).toBe('1');
    expect(await cellText(page, 'requests/carried_forward/legal_service')).toBe('1');
    // Merged headers as on paper: 申请人情况 over seven columns, 法人或其他组织 over five.
    expect(await page.getAttribute('th:text-is("申请人情况")', 'colspan')).toBe('7');
    expect(await page.getAttribute('th:text-is("法人或其他组织")', 'colspan')).toBe('5');
    expect(await page.getAttribute('th:text-is("（三）不予公开")', 'rowspan')).toBe('8');

    // The broken record: named, linked, its cells marked; submission blocked.
    const violations = page.locator('[data-testid=report-violations]');
    expect(await violations.textContent()).toContain('第三项总计应等于各项办理结果之和');
    expect(await page.locator('[data-testid=violation-cause]').allTextContents()).toEqual(['QY-2025-0014', 'QY-2025-0014']);
    expect(await page.getAttribute('[data-testid=violation-cause] >> nth=0', 'href')).toBe('/requests/req-QY-2025-0014');
    expect(await page.locator('td.violated').count()).toBe(2);
    expect(await page.isDisabled('[data-testid=report-submit]')).toBe(true);
    await screenshot(page, '85-annual-report-violation');

    // The office records the missing result; the tables add up.
    await server.services.database.db.update(infoRequests).set({ result: 'cannot_provide', subReason: 'not_held', version: sql`${infoRequests.version} + 1` }).where(eq(infoRequests.requestNo, 'QY-2025-0014'));
    await page.reload();
    await page.waitForSelector('[data-testid=report-balanced]');
    expect(await cellText(page, 'requests/results_total/total')).toBe('7');

    await page.fill('[data-testid=narrative-generalSituation]', '2025年，清源市民政局深入贯彻《中华人民共和国政府信息公开条例》，围绕社会救助、养老服务等重点领域做好主动公开，依法办理政府信息公开申请，全年未发生因政府信息公开引发的行政复议和行政诉讼。');
    await page.fill('[data-testid=narrative-problemsAndImprovements]', '一是政策解读形式较为单一，下一步将增加图解、问答等形式；二是依申请公开答复文书有待进一步规范，将统一答复书模板并加强审核。');
    await page.fill('[data-testid=narrative-otherMatters]', '2025年11月，组织开展“政府开放日”活动，邀请群众代表参观社会救助服务窗口。');
    await page.click('[data-testid=report-save]');
    await page.waitForFunction(() => document.querySelector('[data-testid=report-message]')?.textContent?.includes('已保存'));
    await screenshot(page, '85-annual-report-saved');

    // The Word export, read back: the table row of new requests.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-docx]')]);
    expect(download.suggestedFilename()).toBe('清源市民政局2025年政府信息公开工作年度报告.docx');
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('2025年，清源市民政局深入贯彻');
    expect(xml).toContain('申请人情况');

    await page.click('[data-testid=report-submit]');
    await page.waitForSelector('[data-testid=report-document]');
    expect(await page.textContent('[data-testid=report-message]')).toContain('已提交审查');
    expect(await page.textContent('[data-testid=report-document]')).toContain('审查中');
    expect(await page.isDisabled('[data-testid=narrative-generalSituation]')).toBe(true);
    await screenshot(page, '85-annual-report-submitted');

    await page.click('.lang-toggle');
    await page.waitForSelector('th:text-is("Applicants")');
    await screenshot(page, '85-annual-report-en');
    expect(errors).toEqual([]);

    // Reviewed like any document, then published in the public catalog.
    const href = (await page.getAttribute('[data-testid=report-document] a', 'href'))!;
    const documentId = href.split('/').pop()!;
    const clients = await signInAll(server.url, ['stats', 'legal', 'secrecy', 'leader', 'publisher']);
    const actors: Record<string, string> = { stats_review: 'stats', legality_review: 'legal', secrecy_review: 'secrecy', leader_signoff: 'leader', filing: 'publisher', publication: 'publisher' };
    for (let i = 0; i < 10; i++) {
      const [row] = await server.services.database.db.select().from(documents).where(eq(documents.id, documentId));
      if (row!.status === 'published') break;
      const who = clients[actors[row!.currentStep]!]!;
      const doc = await who.trpc.documents.get.query({ id: documentId });
      const target = { documentId, expectedVersion: doc.version, taskId: doc.openTask!.id };
      if (row!.currentStep === 'publication') await who.trpc.publication.publish.mutate(target);
      else await who.trpc.review.approve.mutate({ ...target, opinion: '同意', checks: ALL_CHECKS });
    }
    const [published] = await server.services.database.db.select().from(documents).where(eq(documents.id, documentId));
    await page.goto(`${server.url}/public/documents/${encodeURIComponent(published!.indexNumber!)}`);
    expect(await page.textContent('h1')).toContain('清源市民政局2025年政府信息公开工作年度报告');
    // The tables as tables: the reviewed figures in cells under their headers, not text lines.
    expect(await page.textContent('.document-body')).not.toContain('一、本年新收政府信息公开申请数量：自然人 4');
    expect(await cellText(page, 'requests/new/natural_person')).toBe('4');
    expect(await cellText(page, 'requests/new/total')).toBe('7');
    expect(await page.locator('#report-table-requests caption').textContent()).toBe('表2　收到和处理政府信息公开申请情况');
    expect(await page.locator('#report-table-requests thead tr').count()).toBe(3);
    expect(await page.$eval('[data-ref="requests/new/total"]', (td) => getComputedStyle(td).textAlign)).toBe('right');
    publicUrl = page.url();
    await screenshot(page, '85-annual-report-public');
    await page.locator('#report-table-requests').screenshot({ path: `${ARTIFACTS}/85-annual-report-public-table.png` });
    await context.close();
  });

  it('the public report page reads on a phone: each table scrolls in its own box, the page does not', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true });
    const page = await context.newPage();
    await page.goto(publicUrl);
    await page.waitForSelector('#report-table-requests');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const box = await page.$eval('#report-table-requests', (t) => ({ table: t.scrollWidth, wrap: t.parentElement!.clientWidth }));
    expect(box.table).toBeGreaterThan(box.wrap);
    await page.evaluate(() => document.getElementById('report-table-requests')!.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ARTIFACTS}/85-annual-report-public-phone.png` });
    await context.close();
  });

  it('stays readable on a phone: the wide tables scroll inside their card', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true });
    const page = await context.newPage();
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/reports/annual?year=${YEAR}`);
    await page.waitForSelector('[data-testid=report-table-requests]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, '85-annual-report-phone');
    await context.close();
  });
});
