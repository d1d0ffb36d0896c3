/**
 * The new field types and opinion forms end to end in the built app. An admin adds a table
 * (经费明细: 项目, 金额) and a rich-text field (内容摘要) to the drafting form in the builder and
 * publishes; creates an opinion form (合法性审查意见: a 结论 select, and 依据 required when the
 * conclusion is 修改后合法) and binds it to the legality review in the workflow editor; a drafter
 * fills the table and the rich text; the legality reviewer must fill the opinion form to approve,
 * and the document's history shows it. Screenshots 78-*.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { auditLog, documents, formDefinitions } from '../../server/db/schema/index';
import { BODY } from '../support/draft-input';
import type { FormDefinition } from '../../forms/index';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { openFromInbox, signIn, signOut, tickFiveChecks, waitForStep } from './staff-actions';
import { addBuilderField } from './form-builder-actions';

const suite = browserSuite();
const preview = (selector: string) => `[data-testid=fb-preview] ${selector}`;
const TITLE = '2026年城乡低保提标资金安排的通知';

async function topShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function publish(page: Page, notes: string): Promise<string> {
  await page.waitForSelector('[data-testid=fb-valid]');
  await page.fill('[data-testid=fb-notes]', notes);
  await page.click('[data-testid=fb-publish]');
  await page.waitForSelector('[data-testid=fb-result]');
  return (await page.textContent('[data-testid=fb-result]')) ?? '';
}

describe('rich text, tables and opinion forms', () => {
  it('an admin adds a table and a rich-text field and an opinion form; a drafter fills them; a reviewer fills the opinion form', async () => {
    const { server, browser } = suite;
    const context = await browser.newContext({ ...LAPTOP, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    // --- the admin: a table and a rich-text field in the drafting form
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/admin/forms/draft_document`);
    await page.waitForSelector('[data-testid=fb-valid]');
    await addBuilderField(page, 'funds', '经费明细', 'group');
    await page.waitForSelector('[data-testid=fb-columns]');
    const column = (n: number) => page.locator('[data-testid=fb-column]').nth(n);
    await column(0).locator('[data-testid=fb-column-label]').fill('项目');
    await column(0).locator('[data-testid=fb-column-required]').check();
    await page.click('[data-testid=fb-add-column]');
    await column(1).locator('[data-testid=fb-column-label]').fill('金额（万元）');
    await column(1).locator('[data-testid=fb-column-type]').selectOption('number');
    await column(1).locator('[data-testid=fb-column-required]').check();
    await page.fill('[data-testid=fb-min]', '1');
    await page.press('[data-testid=fb-min]', 'Tab');
    await page.fill('[data-testid=fb-max]', '5');
    await page.press('[data-testid=fb-max]', 'Tab');
    await page.check('[data-testid=fb-required]');
    await addBuilderField(page, 'summary', '内容摘要', 'richtext');
    await page.fill('[data-testid=fb-max-length]', '300');
    await page.press('[data-testid=fb-max-length]', 'Tab');
    await page.waitForSelector('[data-testid=fb-valid]');

    // The preview is the drafter's form: the table starts empty and asks for its rows.
    await page.waitForSelector(preview('[data-testid=group-funds]'));
    await page.waitForSelector(preview('[data-testid=rte-summary]'));
    await page.click(preview('[data-testid=group-add-row]'));
    await page.fill(preview('#draft_document-funds-0-col1'), '困难群众临时救助');
    await page.click(preview('[data-testid=save-draft]'));
    await page.waitForSelector(preview('[data-field=funds].field-invalid'));
    expect(await page.textContent(preview('[data-field=funds] .field-error'))).toBe('「经费明细」第 1 行：请填写「金额（万元）」');
    await page.locator(preview('[data-field=funds]')).scrollIntoViewIfNeeded();
    await screenshot(page, '78-builder-table-preview');
    await page.click('[data-testid=fb-field][data-key=funds] .fb-field-name');
    await topShot(page, '78-builder-table-panel');
    expect(await publish(page, '增加经费明细表和内容摘要')).toContain('已发布第 2 版');

    // --- the admin: a new opinion form for the legality review
    await page.goto(`${server.url}/admin/forms`);
    await page.waitForSelector('[data-testid=new-opinion-form]');
    await page.fill('[data-testid=new-form-title]', '合法性审查意见');
    await page.fill('[data-testid=new-form-key]', 'legality opinion');
    await page.click('[data-testid=new-form-create]');
    expect(await page.textContent('[data-testid=new-opinion-form] .field-error')).toBe('键名只能包含字母、数字和下划线，且以字母开头');
    await page.fill('[data-testid=new-form-key]', 'legality_opinion');
    await topShot(page, '78-new-opinion-form');
    await page.click('[data-testid=new-form-create]');
    await page.waitForSelector('[data-testid=fb-field][data-key=opinion]');
    await page.click('[data-testid=fb-field][data-key=opinion] .fb-field-name');
    await page.fill('[data-testid=fb-key]', 'conclusion');
    await page.press('[data-testid=fb-key]', 'Tab');
    await page.waitForSelector('[data-testid=fb-field][data-key=conclusion].fb-selected');
    await page.fill('[data-testid=fb-label-zh]', '合法性审查结论');
    await page.selectOption('[data-testid=fb-type]', 'select');
    await page.fill('[data-testid=fb-options]', 'lawful|合法\namend|修改后合法\nunlawful|不合法');
    await page.press('[data-testid=fb-options]', 'Tab');
    await addBuilderField(page, 'basis', '依据', 'textarea');
    await page.selectOption('[data-testid=fb-required-when-field]', 'conclusion');
    await page.selectOption('[data-testid=fb-required-when-value]', JSON.stringify('amend'));
    // A compound condition: 依据 is required when the conclusion is 修改后合法 or 不合法.
    await page.click('[data-testid=fb-required-when-add]');
    await page.selectOption('[data-testid=fb-required-when-value-1]', JSON.stringify('unlawful'));
    await page.selectOption('[data-testid=fb-required-when-mode]', 'any');
    await page.waitForSelector('[data-testid=fb-valid]');
    await page.selectOption(preview('select[name=conclusion]'), 'unlawful');
    await page.click(preview('[data-testid=save-draft]'));
    await page.waitForSelector(preview('[data-field=basis].field-invalid'));
    await page.selectOption(preview('select[name=conclusion]'), 'lawful');
    await page.waitForSelector(preview('[data-field=basis]:not(.field-invalid)'));
    await page.selectOption(preview('select[name=conclusion]'), 'amend');
    await page.click(preview('[data-testid=save-draft]'));
    await page.waitForSelector(preview('[data-field=basis].field-invalid'));
    expect(await page.textContent(preview('[data-field=basis] .field-error'))).toBe('请填写「依据」');
    await topShot(page, '78-opinion-form-builder');
    expect(await publish(page, '合法性审查结论及依据')).toContain('已发布第 1 版');
    const stored = await server.services.database.db.select().from(formDefinitions).where(eq(formDefinitions.key, 'legality_opinion'));
    expect((stored[0]?.definition as FormDefinition).fields.find((f) => f.key === 'basis')?.requiredWhen).toEqual({
      any: [
        { field: 'conclusion', equals: 'amend' },
        { field: 'conclusion', equals: 'unlawful' },
      ],
    });

    // --- the admin: the legality review asks for it
    await page.goto(`${server.url}/admin/workflows/release-review`);
    await page.click('[data-testid=editor-graph] [data-testid=wf-node][data-step=legality_review]');
    await page.selectOption('[data-testid=step-opinion-form]', 'legality_opinion');
    await page.locator('[data-testid=step-opinion-form]').scrollIntoViewIfNeeded();
    await screenshot(page, '78-workflow-step-opinion-form');
    await page.fill('[data-testid=publish-notes]', '合法性审查填写审查意见表');
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=publish-success]');

    // --- the admin: a new category from /admin/catalog, checked before sending, audited when added
    await page.goto(`${server.url}/admin/catalog`);
    await page.waitForSelector('[data-testid=new-category]');
    await page.fill('[data-testid=new-category-code]', 'Subsidy Funds');
    await page.click('[data-testid=new-category-create]');
    await page.waitForSelector('[data-testid=new-category] .field-error');
    expect(await page.textContent('[data-testid=new-category]')).toContain('代码只能包含小写字母、数字、下划线和连字符，且以字母开头');
    expect(await page.textContent('[data-testid=new-category]')).toContain('请填写「分类名称」');
    await page.fill('[data-testid=new-category-code]', 'subsidy_funds');
    await page.fill('[data-testid=new-category-name]', '资金补贴');
    await page.fill('[data-testid=new-category-column]', '财政资金');
    await page.click('[data-testid=new-category-create]');
    await page.waitForSelector('[data-testid=new-category-message].notice-success');
    expect(await page.textContent('[data-testid=new-category-message]')).toBe('已新增分类「资金补贴」（subsidy_funds），此次变更已记入审计日志。');
    await page.waitForSelector('[data-testid=category-row][data-code=subsidy_funds]');
    const [audit] = await server.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'catalog.category.create'));
    expect(audit?.toState).toBe('subsidy_funds');
    await page.locator('[data-testid=new-category]').scrollIntoViewIfNeeded();
    await screenshot(page, '78-catalog-new-category');
    expect(errors).toEqual([]);
    await context.close();

    // --- the drafter fills the table and the rich text
    const dcontext = await browser.newContext(LAPTOP);
    const dpage = await dcontext.newPage();
    const drafterErrors = watchPageErrors(dpage);
    await signIn(dpage, server.url, 'drafter');
    await dpage.goto(`${server.url}/documents/new`);
    await dpage.waitForSelector('[name=title]');
    await dpage.fill('[name=title]', TITLE);
    await dpage.selectOption('[name=categoryId]', { index: 1 });
    await dpage.fill('[name=writtenAt]', '2026-10-15');
    await dpage.fill('[name=body]', BODY);
    await dpage.check('input[name=attribute][value=open]');
    await dpage.check('input[name=channels][value=portal]');
    await dpage.click('[data-testid=group-funds] [data-testid=group-add-row]');
    await dpage.fill('#draft_document-funds-0-col1', '城市低保提标');
    await dpage.click('[data-testid=group-funds] [data-testid=group-add-row]');
    await dpage.fill('#draft_document-funds-1-col1', '农村低保提标');
    await dpage.fill('#draft_document-funds-1-col2', '86.4');
    const editor = dpage.locator('[data-testid=rte-summary]');
    await editor.click();
    await dpage.keyboard.type('本通知明确');
    await dpage.click('[data-field=summary] button[aria-label=加粗]');
    await dpage.keyboard.type('城乡低保标准');
    await dpage.click('[data-field=summary] button[aria-label=加粗]');
    await dpage.keyboard.type('提高的时间和资金来源。');
    await dpage.click('[data-testid=save-draft]');
    await dpage.waitForSelector('[data-field=funds].field-invalid');
    expect(await dpage.textContent('[data-field=funds] .field-error')).toBe('「经费明细」第 1 行：请填写「金额（万元）」');
    await dpage.locator('[data-field=funds]').scrollIntoViewIfNeeded();
    await screenshot(dpage, '78-drafter-table-error');
    await dpage.fill('#draft_document-funds-0-col2', '120.5');
    await dpage.click('[data-testid=save-draft]');
    await dpage.waitForURL(/\/documents\/[^/]+$/);
    await dpage.waitForSelector('[data-testid=extra-field][data-key=funds] table');
    const id = new URL(dpage.url()).pathname.split('/').pop()!;
    const [row] = await server.services.database.db.select({ extra: documents.extraFields }).from(documents).where(eq(documents.id, id));
    expect(row!.extra.funds).toEqual([
      { col1: '城市低保提标', col2: 120.5 },
      { col1: '农村低保提标', col2: 86.4 },
    ]);
    expect(row!.extra.summary).toBe('本通知明确<strong>城乡低保标准</strong>提高的时间和资金来源。');
    expect(await dpage.innerHTML('[data-testid=extra-field][data-key=summary] .rich-text')).toContain('<strong>城乡低保标准</strong>');
    await dpage.locator('[data-testid=extra-field][data-key=funds]').scrollIntoViewIfNeeded();
    await screenshot(dpage, '78-document-extra-fields');
    await dpage.click('[data-testid=submit-document]');
    await waitForStep(dpage, '合法性审查');
    expect(drafterErrors).toEqual([]);
    await dcontext.close();

    // --- the legality reviewer must fill the opinion form
    const lcontext = await browser.newContext(LAPTOP);
    const lpage = await lcontext.newPage();
    const reviewerErrors = watchPageErrors(lpage);
    await signIn(lpage, server.url, 'legal');
    await openFromInbox(lpage, TITLE);
    await lpage.waitForSelector('[data-testid=opinion-form]');
    await tickFiveChecks(lpage);
    await lpage.fill('[data-testid=opinion]', '经审查，同意发布。');
    await lpage.click('[data-testid=approve]');
    await lpage.waitForSelector('[data-testid=action-error]');
    expect(await lpage.textContent('[data-testid=action-error]')).toBe('请先按要求填写审查意见表');
    expect(await lpage.textContent('[data-testid=opinion-form] [data-field=conclusion] .field-error')).toBe('请选择「合法性审查结论」');
    await lpage.selectOption('[data-testid=opinion-form] select[name=conclusion]', 'amend');
    await lpage.click('[data-testid=approve]');
    await lpage.waitForSelector('[data-testid=opinion-form] [data-field=basis].field-invalid');
    await lpage.locator('[data-testid=opinion-form]').scrollIntoViewIfNeeded();
    await screenshot(lpage, '78-reviewer-opinion-form');
    await lpage.fill('[data-testid=opinion-form] textarea[name=basis]', '《中华人民共和国政府信息公开条例》第二十条第（七）项');
    await lpage.click('[data-testid=approve]');
    await waitForStep(lpage, '保密审查');
    await lpage.waitForSelector('[data-testid=history-opinion-form]');
    const history = (await lpage.textContent('[data-testid=history-opinion-form]')) ?? '';
    expect(history).toContain('合法性审查结论');
    expect(history).toContain('修改后合法');
    expect(history).toContain('第二十条');
    await lpage.locator('[data-testid=history-opinion-form]').scrollIntoViewIfNeeded();
    await screenshot(lpage, '78-history-opinion-form');
    expect(reviewerErrors).toEqual([]);
    await signOut(lpage);
    await lcontext.close();
  });
});
