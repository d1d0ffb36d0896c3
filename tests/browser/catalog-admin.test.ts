/**
 * 目录与科室 in the built app: an admin moves a category into an annual-report cell, adds a
 * department, and the changes are stored and audited. Screenshot 76-catalog-admin.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, categories, departments } from '../../server/db/schema/index';
import { draftDocumentForm } from '../../forms/index';
import { publishForm } from '../../server/services/form-admin-service';
import { browserSuite, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn } from './staff-actions';

const suite = browserSuite();

describe('catalog and departments admin', () => {
  it('an admin sets a category’s annual-report cell and adds a department, both audited', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await openAdminTool(page, '/admin/catalog');
    const row = '[data-testid=category-row][data-code=notice]';
    await page.waitForSelector(row);
    await page.selectOption(`${row} [data-testid=report-cell]`, 'normative_documents');
    await page.click(`${row} [data-testid=save-category]`);
    await page.waitForSelector(`${row} [data-testid=category-message]`);
    expect(await page.textContent(`${row} [data-testid=category-message]`)).toBe('已保存。');

    await page.fill('.cat-add input.mono', 'archives');
    await page.fill('.cat-add label:nth-of-type(2) input', '档案科');
    await page.click('.cat-add button[type=submit]');
    await page.waitForSelector('[data-testid=department-row][data-code=archives]');
    await screenshot(page, '76-catalog-admin');

    const db = suite.server.services.database.db;
    expect((await db.select({ cell: categories.reportCell }).from(categories).where(eq(categories.code, 'notice')))[0]?.cell).toBe('normative_documents');
    expect((await db.select().from(departments).where(eq(departments.code, 'archives'))).length).toBe(1);
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'catalog.category.update'))).length).toBe(1);
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'catalog.department.create'))).length).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a category bound to another form: the drafter’s new-document form switches to it when that category is chosen, keeping what was typed', async () => {
    await publishForm(suite.server.services, null, {
      definition: { ...draftDocumentForm, key: 'notice_form', title: { zh: '通知类起草表单', en: 'Notice form' }, fields: [...draftDocumentForm.fields, { key: 'contact', type: 'person', label: { zh: '联系人', en: 'Contact' }, required: true }] },
    });
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/admin/catalog`);
    const row = '[data-testid=category-row][data-code=notice]';
    await page.waitForSelector(row);
    await page.selectOption(`${row} [data-testid=form-key]`, 'notice_form');
    await page.click(`${row} [data-testid=save-category]`);
    await page.waitForSelector(`${row} [data-testid=category-message]`);
    await context.close();

    const drafter = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const dpage = await drafter.newPage();
    const drafterErrors = watchPageErrors(dpage);
    await signIn(dpage, suite.server.url, 'drafter');
    await dpage.goto(`${suite.server.url}/documents/new`);
    await dpage.waitForSelector('[name=title]');
    await dpage.fill('[name=title]', '关于联系人制度的通知');
    expect(await dpage.locator('[data-field=contact]').count()).toBe(0);
    const noticeId = (await suite.server.services.database.db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'notice')))[0]!.id;
    await dpage.selectOption('[name=categoryId]', noticeId);
    await dpage.waitForSelector('[data-field=contact] select option:nth-child(2)', { state: 'attached' });
    expect(await dpage.inputValue('[name=title]')).toBe('关于联系人制度的通知');
    expect(await dpage.inputValue('[name=categoryId]')).toBe(noticeId);
    await dpage.locator('[data-field=contact]').scrollIntoViewIfNeeded();
    await screenshot(dpage, '76-bound-form');
    expect(errors).toEqual([]);
    expect(drafterErrors).toEqual([]);
    await drafter.close();
  });
});
