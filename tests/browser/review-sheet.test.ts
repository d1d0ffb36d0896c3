import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSuite, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const CHECK_LABELS = ['政治关', '法律关', '政策关', '保密关', '文字关'];
const CST_DATE_TIME = /^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/;

const suite = browserSuite();

/** Renders each page of a PDF to PNG with poppler's pdftoppm; false when it is not installed. */
function pdfToPng(pdf: string, prefix: string): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    return false;
  }
  // No page images left over from a longer earlier run.
  const dir = path.dirname(prefix);
  for (const old of fs.readdirSync(dir)) if (old.startsWith(`${path.basename(prefix)}-`) && old.endsWith('.png')) fs.rmSync(path.join(dir, old));
  execFileSync('pdftoppm', ['-png', '-r', '96', pdf, prefix]);
  return true;
}

describe('the printable review sheet (政府信息公开发布审查表)', () => {
  it('the drafter prints the sheet of a published document with every reviewer and their five checks', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await signIn(page, suite.server.url, 'drafter');
    await page.click('a[href="/mine"]');
    await page.waitForSelector('[data-testid=document-row]');
    // A published document with removed passages shows the most of the sheet.
    const published = page.locator('[data-testid=document-row]', { has: page.locator('.badge-published') });
    expect(await published.count()).toBeGreaterThan(0);
    const partial = published.filter({ hasText: '删减后公开' });
    const row = (await partial.count()) > 0 ? partial.first() : published.first();
    await row.locator('a').first().click();
    await page.waitForSelector('[data-testid=reviews]');

    const title = (await page.textContent('.doc-head h1'))!.trim();
    const reviewers = (await page.locator('[data-testid=reviews] tbody tr td:nth-child(3)').allTextContents()).map((s) => s.trim());
    const indexNumber = (await page.textContent('[data-testid=index-number]'))!.trim();
    expect(reviewers.length).toBeGreaterThan(3);

    await page.click('[data-testid=open-sheet]');
    await page.waitForURL(/\/documents\/[^/]+\/sheet$/);
    await page.waitForSelector('[data-testid=review-sheet]');

    const sheet = page.locator('[data-testid=review-sheet]');
    expect(await sheet.locator('h1').textContent()).toBe('政府信息公开发布审查表');
    expect(await page.textContent('[data-testid=sheet-title]')).toBe(title);
    const text = (await sheet.textContent()) ?? '';
    for (const label of ['文件标题', '发文字号', '起草科室', '起草人', '成文日期', '主题分类', '公开属性', '删减内容', '发布渠道', '环节', '审查人', '审查意见', '时间', ...CHECK_LABELS]) {
      expect(text).toContain(label);
    }

    // One row per review record, in order, with the same people as the document page.
    expect((await page.locator('[data-testid=sheet-reviewer]').allTextContents()).map((s) => s.trim())).toEqual(reviewers);
    // Every approval carries its five marks; the demo reviewers ticked all five.
    const approvals = page.locator('[data-testid=sheet-review]', { hasText: '同意' });
    expect(await approvals.count()).toBeGreaterThan(2);
    for (const approval of await approvals.all()) {
      expect((await approval.locator('[data-testid=sheet-check]').allTextContents()).join('')).toBe('☑☑☑☑☑');
    }
    for (const at of await page.locator('[data-testid=sheet-review] .sheet-time').allTextContents()) expect(at.trim()).toMatch(CST_DATE_TIME);

    expect(await page.textContent('[data-testid=sheet-index-number]')).toBe(indexNumber);
    expect(await page.textContent('[data-testid=sheet-published-at]')).toMatch(/^\d{4}年\d{2}月\d{2}日$/);
    expect(await page.textContent('[data-testid=sheet-printed-at]')).toMatch(/^打印时间：\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);
    if ((await partial.count()) > 0 || (await page.locator('[data-testid=sheet-redaction]').count()) > 0) {
      // Internal copy: each removed passage with its reason.
      expect(await page.locator('[data-testid=sheet-redaction]').count()).toBeGreaterThan(0);
      expect(await page.textContent('[data-testid=sheet-redaction]')).toMatch(/「.+」.*理由：/s);
    }

    // 「打印」 opens the browser's print dialog.
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void w.printed++;
    });
    await page.click('[data-testid=print-sheet]');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await screenshot(page, '20-review-sheet');

    // Printed: the sheet alone, no app header, navigation or toolbar.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.app-header')).toBe(false);
    expect(await page.isVisible('[data-testid=print-sheet]')).toBe(false);
    expect(await page.isVisible('[data-testid=review-sheet]')).toBe(true);
    await screenshot(page, '21-review-sheet-print-media');
    // Back to no emulation: page.pdf renders with print media, as a browser's 打印 does.
    await page.emulateMedia({ media: null });

    const pdf = path.join(ARTIFACTS, '20-review-sheet.pdf');
    await page.pdf({ format: 'A4', path: pdf, printBackground: false });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (pdfToPng(pdf, path.join(ARTIFACTS, '20-review-sheet-pdf'))) {
      expect(fs.existsSync(path.join(ARTIFACTS, '20-review-sheet-pdf-1.png'))).toBe(true);
    }

    expect(errors).toEqual([]);
    await context.close();
  });

  it('the leader may return to any earlier step or reject with a reason, and the sheet follows', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await signIn(page, suite.server.url, 'leader');
    await page.locator('[data-testid=task-row]').first().locator('a').first().click();
    await page.waitForSelector('[data-testid=return-target]');
    expect((await page.textContent('[data-testid=doc-status]'))?.trim()).toBe('分管领导审批');
    expect(await page.isVisible('.doc-state .badge-in_review')).toBe(true);

    // Every earlier step is offered, the drafter's first.
    const targets = (await page.locator('[data-testid=return-target] option').allTextContents()).map((s) => s.trim());
    expect(targets[0]).toBe('起草');
    expect(targets).toEqual(expect.arrayContaining(['起草', '合法性审查', '保密审查']));
    expect(targets).not.toContain('分管领导审批');

    // 不予通过 needs a reason.
    expect(await page.isVisible('[data-testid=reject-hint]')).toBe(true);
    await page.click('[data-testid=reject]');
    expect(await page.textContent('[data-testid=action-error]')).toContain('须填写审查意见');
    await screenshot(page, '22-leader-signoff-actions');

    // A return to the secrecy review lands there, and the sheet records where it went.
    await page.selectOption('[data-testid=return-target]', { label: '保密审查' });
    expect(await page.$eval('[data-testid=return-target]', (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('保密审查');
    await page.fill('[data-testid=opinion]', '请保密审查再次核实附件中的个人信息。');
    await page.click('[data-testid=return]');
    await page.waitForFunction(() => document.querySelector('[data-testid=doc-status]')?.textContent?.trim() === '保密审查');

    await page.click('[data-testid=open-sheet]');
    await page.waitForSelector('[data-testid=review-sheet]');
    const last = page.locator('[data-testid=sheet-review]').last();
    expect(await last.textContent()).toContain('退回至保密审查');
    expect(await last.textContent()).toContain('请保密审查再次核实附件中的个人信息。');
    expect(await last.locator('.sheet-na').textContent()).toBe('—');
    expect(await page.isVisible('[data-testid=sheet-index-number]')).toBe(false);

    expect(errors).toEqual([]);
    await context.close();
  });
});
