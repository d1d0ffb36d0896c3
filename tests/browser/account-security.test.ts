/**
 * Account security in the browser: the admin disables a user from 用户管理 and that user's
 * open page is signed out on its next request; a user changes their password from 账号安全
 * (the shared rules refuse a weak one in the browser) and signs out on every device.
 */
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/test-server';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { openAdminTool, signIn } from './staff-actions';

const suite = browserSuite();

const laptop = () => suite.browser.newContext(LAPTOP);

describe('account security pages', () => {
  it('admin disables a user in 用户管理 and the user\'s open page ends up at the sign-in form', async () => {
    const adminContext = await laptop();
    const userContext = await laptop();
    const admin = await adminContext.newPage();
    const user = await userContext.newPage();
    const errors = watchPageErrors(admin);
    await signIn(user, suite.server.url, 'drafter2');
    await signIn(admin, suite.server.url, 'admin');
    await openAdminTool(admin, '/admin/users');
    const row = admin.locator('[data-testid=user-drafter2]');
    await expect(row.textContent()).resolves.toContain('正常');
    await row.locator('button').click();
    await row.getByText('已停用').waitFor();
    await screenshot(admin, '70-users-admin-disabled');
    // The disabled user's next request: signed out.
    await user.click('a[href="/mine"]');
    await user.waitForURL((url) => url.pathname.startsWith('/login'));
    await row.locator('button').click();
    await row.getByText('正常').waitFor();
    expect(errors).toEqual([]);
    await adminContext.close();
    await userContext.close();
  });

  it('changes the password in 账号安全, refusing a weak one with the shared rules, then signs out everywhere', async () => {
    const context = await laptop();
    const page = await context.newPage();
    await signIn(page, suite.server.url, 'stats');
    await page.click('[data-testid=account]');
    await page.fill('[data-testid=current-password]', TEST_PASSWORD);
    await page.fill('[data-testid=new-password]', 'stats12345');
    await page.fill('[data-testid=confirm-password]', 'stats12345');
    await page.click('[data-testid=change-password]');
    await expect(page.locator('[data-testid=account-error]').textContent()).resolves.toBe('「新密码」不能包含用户名');
    await screenshot(page, '71-account-weak-password');
    await page.fill('[data-testid=new-password]', '清源民政统计口径2026');
    await page.fill('[data-testid=confirm-password]', '清源民政统计口径2026');
    await page.click('[data-testid=change-password]');
    await page.locator('[data-testid=account-done]').waitFor();
    await screenshot(page, '72-account-password-changed');
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid=sign-out-everywhere]');
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    const left = await suite.server.services.database.client.execute("SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'stats'");
    expect(Number(left.rows[0]!.n)).toBe(0);
    await context.close();
  });
});
