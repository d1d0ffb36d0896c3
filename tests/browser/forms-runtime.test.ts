/**
 * The forms runtime (zod and the field-type plugins, client/src/forms/forms-runtime.ts) is not
 * part of the first download: signing in and landing on 我的待办 fetch neither it nor zod (with
 * tasks listed, it comes afterwards with the document page, when idle: client/src/lazy-pages.ts;
 * the admin here has none). The first
 * page with forms, opened by its address, has it before it renders: the form builder offers the
 * plugin's 统一社会信用代码 type, the preview renders the field, and a wrong code gets the
 * plugin's Chinese message. Screenshot 79-forms-runtime-plugin-field.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, LAPTOP, screenshot, scriptsOf, watchPageErrors } from './browser';
import { signIn } from './staff-actions';
import { addBuilderField } from './form-builder-actions';

const suite = browserSuite();
const preview = (selector: string) => `[data-testid=fb-preview] ${selector}`;

describe('the forms runtime', () => {
  it('stays out of the first download and is in place before the first page with forms renders', async () => {
    const { server, browser } = suite;
    const context = await browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const scripts = scriptsOf(page);
    const runtimeLoaded = () => scripts.some((s) => /\/forms-runtime-[\w-]+\.js$/.test(s));

    await signIn(page, server.url, 'admin');
    await page.waitForSelector('main h1');
    expect(scripts.length).toBeGreaterThan(0);
    expect(runtimeLoaded()).toBe(false);
    // Nor zod by another way: none of the scripts loaded so far holds zod's classes ($ZodType…).
    const first = await Promise.all(scripts.map(async (s) => (await fetch(`${server.url}${s}`)).text()));
    expect(first.filter((code) => code.includes('$Zod'))).toHaveLength(0);

    // The builder by its address, in the same page: its chunk and the runtime load together.
    await page.goto(`${server.url}/admin/forms/draft_document`);
    await page.waitForSelector('[data-testid=fb-valid]');
    expect(runtimeLoaded()).toBe(true);

    // The type is offered only once the plugin has registered it with the forms core.
    await addBuilderField(page, 'org_code', '申请单位代码', 'social_credit_code');
    expect(await page.locator('[data-testid=fb-type] option[value=social_credit_code]').textContent()).toBe('统一社会信用代码');
    await page.waitForSelector(preview('#draft_document-org_code'));
    await page.fill(preview('#draft_document-org_code'), '12345');
    await page.click(preview('[data-testid=save-draft]'));
    await page.waitForSelector(preview('[data-field=org_code].field-invalid'));
    expect(await page.textContent(preview('[data-field=org_code] .field-error'))).toBe('「申请单位代码」应为 18 位统一社会信用代码（数字和大写字母）');
    await page.locator(preview('[data-field=org_code]')).scrollIntoViewIfNeeded();
    await screenshot(page, '79-forms-runtime-plugin-field');
    expect(errors).toEqual([]);
    await context.close();
  });
});
