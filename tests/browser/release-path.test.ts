import { describe, expect, it } from 'vitest';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { approveFromInbox, openFromInbox, signIn, signOut } from './staff-actions';

const SECRET = '受助人李某某，身份证号码110101199003077777';
const BODY = [
  '根据《社会救助暂行办法》和省民政厅有关要求，现将2026年第三季度临时救助发放情况公示如下。',
  `本季度共救助困难群众126人次，发放救助金38.6万元。其中，${SECRET}，因病致困获得救助金8000元。`,
  '公示期为7个自然日。如有异议，请在公示期内向市民政局社会救助科反映。',
].join('\n');

const suite = browserSuite();

describe('a newcomer clicks through the whole path in Chinese', () => {
  it('drafts a partial document, each reviewer approves, the publisher publishes, the public page hides the redaction', async () => {
    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const title = '2026年第三季度临时救助发放情况公示';

    await signIn(page, suite.server.url, 'drafter');
    await screenshot(page, '01-drafter-inbox');
    await page.click('a[href="/documents/new"]');
    await page.fill('[name=title]', title);
    await page.fill('[name=docNumber]', '清民〔2026〕101号');
    await page.selectOption('[name=categoryId]', { index: 1 });
    await page.fill('[name=writtenAt]', '2026-10-15');
    await page.fill('[name=body]', BODY);
    await page.check('input[name=attribute][value=partial]');
    await page.check('input[name=channels][value=portal]');
    const start = BODY.indexOf(SECRET);
    await page.locator('[name=body]').evaluate((el, [s, e]) => {
      const area = el as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(s!, e!);
    }, [start, start + SECRET.length]);
    await page.fill('[data-testid=redaction-reason]', '涉及个人隐私');
    await page.click('[data-testid=add-redaction]');
    await screenshot(page, '02-draft-form');
    await page.click('[data-testid=save-draft]');
    await page.waitForURL(/\/documents\/[^/]+$/);
    await page.click('[data-testid=submit-document]');
    await page.waitForFunction(() => document.querySelector('[data-testid=doc-status]')?.textContent?.includes('合法性审查'));
    await screenshot(page, '03-submitted');
    await signOut(page);

    await approveFromInbox(page, suite.server.url, 'legal', title, '04-legality-review');
    await signIn(page, suite.server.url, 'secrecy');
    await openFromInbox(page, title);
    await page.waitForSelector('[data-testid=redaction-highlight]');
    expect(await page.textContent('[data-testid=redaction-highlight]')).toContain('110101199003077777');
    await signOut(page);
    await approveFromInbox(page, suite.server.url, 'secrecy', title, '05-secrecy-review');
    await approveFromInbox(page, suite.server.url, 'leader', title, '06-leader-signoff');
    await approveFromInbox(page, suite.server.url, 'publisher', title, '07-filing');

    await signIn(page, suite.server.url, 'publisher');
    await openFromInbox(page, title);
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=index-number]');
    const indexNumber = (await page.textContent('[data-testid=index-number]'))!.trim();
    expect(indexNumber).toMatch(/2026-\d{5}/);
    await screenshot(page, '08-published');

    const publicPage = await context.newPage();
    await publicPage.goto(`${suite.server.url}/public`);
    await screenshot(publicPage, '09-public-catalog');
    await publicPage.click(`text=${title}`);
    await publicPage.waitForURL(/\/public\/documents\//);
    const html = await publicPage.content();
    expect(html).toContain('本季度共救助困难群众126人次');
    expect(html).toContain('（此处依法删除：保护第三方合法权益）');
    expect(html).not.toContain('110101199003077777');
    expect(html).not.toContain('李某某');
    await screenshot(publicPage, '10-public-document');

    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true });
    const phonePage = await phone.newPage();
    await phonePage.goto(publicPage.url());
    await screenshot(phonePage, '11-public-document-phone');
    await signIn(phonePage, suite.server.url, 'drafter');
    await screenshot(phonePage, '12-inbox-phone');
    expect(errors).toEqual([]);
    await phone.close();
    await context.close();
  });

  it('serves the public catalog without JavaScript', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/public`);
    expect(await page.textContent('body')).toContain('政府信息公开');
    await screenshot(page, '13-public-no-js');
    await context.close();
  });
});
