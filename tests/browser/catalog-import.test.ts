/**
 * The disclosure office imports its old catalog in the browser: a file with its own headers
 * (one matched by hand), the rows that are wrong listed with row numbers and reasons and
 * nothing written, then a corrected file imported with the progress bar, and the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSampleCatalog } from '../../server/seed/catalog-sample';
import { browserSuite, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';

const suite = browserSuite();

const BAD_CSV = [
  '文件标题,发文字号,类目,公开日期,成文日期,公开方式,有效性',
  '关于2023年城乡低保标准调整的通知,清民〔2023〕5号,政策文件,2023-03-01,2023-02-20,主动公开,有效',
  ',清民〔2023〕6号,通知公告,2023-03-02,2023-02-20,主动公开,有效',
  '内部人事安排,,通知公告,2023-03-03,2023-02-20,不予公开,',
  '养老机构名录,,天气预报,2023-03-04,2023-02-20,主动公开,',
  '救助资金发放情况,,社会救助,2023-02-30,2023-02-20,删减后公开,',
].join('\r\n');

describe('catalog import in the browser', { timeout: 240_000 }, () => {
  it('maps the columns, lists the bad rows, then imports a good file with a progress bar', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'publisher');
    await page.click('nav a[href="/admin/import"]');
    await page.locator('h1', { hasText: '公开目录导入与导出' }).waitFor();

    const badFile = path.join(suite.server.dir, '历史目录（有误）.csv');
    fs.writeFileSync(badFile, `\ufeff${BAD_CSV}\r\n`);
    await page.setInputFiles('[data-testid=import-file]', badFile);
    await page.click('[data-testid=import-upload] button');
    await page.locator('[data-testid=mapping-table]').waitFor();
    // Matched by name: 文件标题 → 标题; 类目 is no usual name for the category, so it is chosen by hand.
    expect(await page.inputValue('select[data-field=title]')).toBe('文件标题');
    expect(await page.inputValue('select[data-field=category]')).toBe('');
    await page.selectOption('select[data-field=category]', '类目');
    await screenshot(page, '95-import-mapping');

    await page.click('[data-testid=import-mapping] button');
    const report = page.locator('[data-testid=report-errors]');
    await report.waitFor();
    await expect.poll(() => page.locator('[data-testid=report-counts]').textContent()).toContain('共 5 行，其中 4 行不符合要求');
    const rows = await report.locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      '第 3 行标题请填写「标题」',
      '第 4 行公开属性「公开属性」为「不予公开」的信息不进入公开目录，不能导入',
      '第 5 行主题分类「主题分类」不是本单位的分类名称或代码：天气预报',
      '第 6 行发布日期「发布日期」不是有效日期（应形如 2024-01-05）：2023-02-30',
    ]);
    expect(await page.locator('[data-testid=import-start]').count()).toBe(0);
    await screenshot(page, '95-import-errors');
    const documentsBefore = Number((await suite.server.services.database.client.execute('SELECT count(*) AS n FROM documents')).rows[0]!.n);

    // The corrected catalog: the template's own headers, enough rows to watch the bar move.
    const goodFile = path.join(suite.server.dir, '历史目录.xlsx');
    await writeSampleCatalog(goodFile, { rows: 6000, format: 'xlsx' });
    await page.setInputFiles('[data-testid=import-file]', goodFile);
    await page.click('[data-testid=import-upload] button');
    await expect.poll(() => page.inputValue('select[data-field=category]')).toBe('主题分类');
    await page.click('[data-testid=import-mapping] button');
    await expect.poll(() => page.locator('[data-testid=report-counts]').textContent(), { timeout: 60_000 }).toContain('共 6000 行，全部符合要求');
    await page.click('[data-testid=import-start]');
    // The bar as the server reports it: watched until the import ends, photographed while rows are being written.
    const seen: string[] = [];
    let photographed = false;
    for (let i = 0; i < 2400; i++) {
      const state = await page.evaluate(() => ({
        value: document.querySelector<HTMLProgressElement>('[data-testid=import-progress-bar]')?.value ?? -1,
        label: document.querySelector('.import-progress label')?.textContent ?? '',
        ended: document.querySelector('[data-testid=import-result], [data-testid=import-failed]') !== null,
      }));
      if (seen.at(-1) !== `${state.value} ${state.label}`) seen.push(`${state.value} ${state.label}`);
      if (!photographed && state.value > 0 && state.value < 100) {
        await screenshot(page, '95-import-progress');
        photographed = true;
      }
      if (state.ended) break;
      await page.waitForTimeout(50);
    }
    expect(photographed, seen.join(' | ')).toBe(true);
    const result = page.locator('[data-testid=import-result]');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toContain('已导入 6000 条');
    expect(await page.locator('[data-testid=import-progress-bar]').getAttribute('value')).toBe('100');
    await screenshot(page, '95-import-result');

    const documentsAfter = Number((await suite.server.services.database.client.execute('SELECT count(*) AS n FROM documents')).rows[0]!.n);
    expect(documentsAfter - documentsBefore).toBe(6000);
    expect(errors).toEqual([]);
    await context.close();
  });
});
