/**
 * The form builder end to end in the built app: an admin adds a required conditional field
 * (涉及资金金额（万元）, shown and required when 含统计数据 is ticked), checks it in the live
 * preview and publishes; a drafter's new document then asks for it exactly when the box is
 * ticked, refuses to save without it, and the document page shows the value. A document
 * drafted before keeps its form version. Screenshots 75-*.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { documents, formDefinitions } from '../../server/db/schema/index';
import { draftDocumentForm } from '../../forms/index';
import { startTestServer, type TestServer } from '../support/test-server';
import { BODY, categoryId, draftInput } from '../support/draft-input';
import { signInAll, type Clients } from '../support/review-driver';
import { launchBrowser, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn } from './staff-actions';

let server: TestServer;
let browser: Browser;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer();
  clients = await signInAll(server.url, ['drafter']);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const FIELD = '涉及资金金额（万元）';
const preview = (selector: string) => `[data-testid=fb-preview] ${selector}`;

async function topShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe('the form builder', () => {
  it('an admin adds a required conditional field and publishes; a drafter sees it appear when the condition holds', async () => {
    const drafter = clients.drafter!;
    const before = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title: '表单改版前起草的通知' }));

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    // --- the admin
    await signIn(page, server.url, 'admin');
    await openAdminTool(page, '/admin/forms');
    await page.waitForSelector('[data-testid=form-item][data-key=draft_document]');
    expect(await page.textContent('[data-testid=form-item][data-key=draft_document]')).toContain('第 1 版');
    await topShot(page, '75-form-list');

    await page.click('[data-testid=form-item][data-key=draft_document] [data-testid=edit-form]');
    await page.waitForSelector('[data-testid=fb-valid]');
    await page.waitForSelector(preview('[name=title]'));
    expect(await page.isDisabled('[data-testid=fb-publish]')).toBe(true);

    // A core field cannot be removed or retyped: its panel says so.
    await page.click('[data-testid=fb-field][data-key=hasStatistics] .fb-field-name');
    await page.waitForSelector('[data-testid=field-panel]');
    expect(await page.textContent('[data-testid=field-panel]')).toContain('系统字段');
    expect(await page.locator('[data-testid=fb-remove]').count()).toBe(0);
    expect(await page.isDisabled('[data-testid=fb-type]')).toBe(true);

    await page.click('[data-testid=fb-add]');
    await page.waitForSelector('[data-testid=fb-field][data-key=field1].fb-selected');
    await page.fill('[data-testid=fb-key]', 'fundAmount');
    await page.press('[data-testid=fb-key]', 'Tab');
    await page.waitForSelector('[data-testid=fb-field][data-key=fundAmount].fb-selected');
    await page.fill('[data-testid=fb-label-zh]', FIELD);
    await page.fill('[data-testid=fb-label-en]', 'Funds involved (10k yuan)');
    await page.fill('[data-testid=fb-help-zh]', '含统计数据的文件须填写，按预算口径');
    await page.selectOption('[data-testid=fb-type]', 'number');
    await page.check('[data-testid=fb-required]');
    await page.selectOption('[data-testid=fb-visible-when-field]', 'hasStatistics');
    expect(await page.inputValue('[data-testid=fb-visible-when-value]')).toBe('true');

    // Contradictory rules are flagged at once and block publishing.
    await page.fill('[data-testid=fb-min]', '10');
    await page.press('[data-testid=fb-min]', 'Tab');
    await page.fill('[data-testid=fb-max]', '1');
    await page.press('[data-testid=fb-max]', 'Tab');
    await page.waitForSelector('[data-testid=fb-issues]');
    expect(await page.textContent('[data-testid=fb-issues]')).toContain(`字段「${FIELD}」的最小值大于最大值`);
    expect(await page.isDisabled('[data-testid=fb-publish]')).toBe(true);
    await topShot(page, '75-builder-issue');
    await page.fill('[data-testid=fb-min]', '0');
    await page.press('[data-testid=fb-min]', 'Tab');
    await page.fill('[data-testid=fb-max]', '');
    await page.press('[data-testid=fb-max]', 'Tab');
    await page.waitForSelector('[data-testid=fb-valid]');

    // The live preview is the drafter's form: hidden until 含统计数据 is ticked, then required.
    await page.waitForSelector(preview('[name=title]'));
    expect(await page.locator(preview('[data-field=fundAmount]')).count()).toBe(0);
    await page.check(preview('input[name=hasStatistics]'));
    await page.waitForSelector(preview('[data-field=fundAmount]'));
    expect(await page.textContent(preview('[data-field=fundAmount]'))).toContain(FIELD);
    await page.click(preview('[data-testid=save-draft]'));
    await page.waitForSelector(preview('[data-field=fundAmount].field-invalid'));
    expect(await page.textContent(preview('[data-field=fundAmount] .field-error'))).toBe(`请填写「${FIELD}」`);
    await topShot(page, '75-builder-preview');

    await page.fill('[data-testid=fb-notes]', '增加涉及资金金额');
    await page.click('[data-testid=fb-publish]');
    await page.waitForSelector('[data-testid=fb-result]');
    expect(await page.textContent('[data-testid=fb-result]')).toContain('已发布第 2 版');
    await topShot(page, '75-builder-published');
    expect(errors).toEqual([]);
    await context.close();

    // --- the drafter
    const drafterContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const dpage = await drafterContext.newPage();
    const drafterErrors = watchPageErrors(dpage);
    await signIn(dpage, server.url, 'drafter');
    await dpage.click('a[href="/documents/new"]');
    await dpage.waitForSelector('[name=title]');
    expect(await dpage.locator('[data-field=fundAmount]').count()).toBe(0);
    const title = '2026年城乡低保资金发放情况的通知';
    await dpage.fill('[name=title]', title);
    await dpage.selectOption('[name=categoryId]', { index: 1 });
    await dpage.fill('[name=writtenAt]', '2026-10-15');
    await dpage.fill('[name=body]', BODY);
    await dpage.check('input[name=attribute][value=open]');
    await dpage.check('input[name=channels][value=portal]');
    expect(await dpage.locator('[data-field=fundAmount]').count()).toBe(0);

    await dpage.check('input[name=hasStatistics]');
    await dpage.waitForSelector('[data-field=fundAmount]');
    await dpage.locator('[data-field=fundAmount]').scrollIntoViewIfNeeded();
    await screenshot(dpage, '75-drafter-field-appears');

    await dpage.click('[data-testid=save-draft]');
    await dpage.waitForSelector('[data-field=fundAmount].field-invalid');
    expect(await dpage.textContent('[data-field=fundAmount] .field-error')).toBe(`请填写「${FIELD}」`);
    expect(new URL(dpage.url()).pathname).toBe('/documents/new');
    await screenshot(dpage, '75-drafter-required');

    await dpage.fill('[name=fundAmount]', '120.5');
    await dpage.click('[data-testid=save-draft]');
    await dpage.waitForURL(/\/documents\/[^/]+$/);
    await dpage.waitForSelector('[data-testid=extra-field][data-key=fundAmount]');
    expect(await dpage.textContent('[data-testid=extra-field][data-key=fundAmount]')).toBe(`${FIELD}120.5`);
    await topShot(dpage, '75-document-page');
    const id = new URL(dpage.url()).pathname.split('/').pop()!;
    const [row] = await server.services.database.db.select({ v: documents.formVersion, extra: documents.extraFields }).from(documents).where(eq(documents.id, id));
    expect(row).toEqual({ v: 2, extra: { fundAmount: 120.5 } });
    // The printed review sheet carries it too, under the label of the document's form version.
    await dpage.goto(`${server.url}/documents/${id}/sheet`);
    await dpage.waitForSelector('[data-testid=sheet-extra-field]');
    expect((await dpage.textContent('[data-testid=sheet-extra-field]'))?.replace(/\s+/g, '')).toBe(`${FIELD}120.5`);
    await screenshot(dpage, '75-review-sheet');

    // The document drafted before the change keeps version 1: ticking the box asks for nothing new.
    await dpage.goto(`${server.url}/documents/${before.id}/edit`);
    await dpage.waitForSelector('[name=title]');
    await dpage.check('input[name=hasStatistics]');
    expect(await dpage.locator('[data-field=fundAmount]').count()).toBe(0);
    await dpage.click('[data-testid=save-draft]');
    await dpage.waitForURL(new RegExp(`/documents/${before.id}$`));
    expect(await dpage.locator('[data-testid=extra-field]').count()).toBe(0);
    expect(drafterErrors).toEqual([]);
    await drafterContext.close();
  });

  it('an imported JSON file that drops a field the workflow reads is flagged in the builder and cannot be published', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const file = path.join(server.dir, 'without-statistics.form.json');
    fs.writeFileSync(file, JSON.stringify({ ...draftDocumentForm, fields: draftDocumentForm.fields.filter((f) => f.key !== 'hasStatistics') }));
    const versionsBefore = (await server.services.database.db.select().from(formDefinitions)).length;

    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/admin/forms/draft_document`);
    await page.waitForSelector('[data-testid=fb-valid]');
    await page.setInputFiles('[data-testid=fb-import]', file);
    await page.waitForSelector('[data-testid=fb-issues]');
    expect(await page.textContent('[data-testid=fb-issues]')).toContain('不能删除字段「含统计数据」（hasStatistics）：审查流程的条件依赖该字段');
    expect(await page.textContent('[data-testid=fb-result]')).toContain('已载入「without-statistics.form.json」');
    expect(await page.isDisabled('[data-testid=fb-publish]')).toBe(true);
    await topShot(page, '75-builder-import-refused');
    expect((await server.services.database.db.select().from(formDefinitions)).length).toBe(versionsBefore);
    expect(errors).toEqual([]);
    await context.close();
  });
});
