/**
 * Notifications follow the UI language: a new task reads in English after the switch (the
 * step named from the workflow's English label), while a row written before notifications
 * carried parameters keeps showing its stored Chinese message. Screenshots 126-*.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, LAPTOP, screenshot, watchPageErrors } from './browser';
import { signIn } from './staff-actions';
import { signedIn } from '../support/api-client';
import { categoryId, draftInput } from '../support/draft-input';

const suite = browserSuite();
const TITLE = '关于开展冬季供暖安全检查的通知';
const LEGACY = '「旧版通知：2025年度工作要点」待您办理：合法性审查。';

describe('notifications in the UI language', () => {
  it('shows a new task in English after the switch, and an older row as stored', async () => {
    const drafter = await signedIn(suite.server.url, 'drafter');
    const created = await drafter.trpc.documents.create.mutate(draftInput(await categoryId(drafter, 'notice'), { title: TITLE }));
    await drafter.trpc.review.submit.mutate({ documentId: created.id, expectedVersion: created.version });
    // A row as the build before parameters wrote it: only the Chinese message.
    await suite.server.services.database.client.execute({
      sql: "INSERT INTO notifications (id, user_id, kind, document_id, message, created_at) SELECT 'legacy-row', id, 'task.new', NULL, ?, ? FROM users WHERE username = 'legal'",
      args: [LEGACY, Date.parse('2026-03-02T09:00:00+08:00')],
    });

    const context = await suite.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signIn(page, suite.server.url, 'legal');
    await page.goto(`${suite.server.url}/notifications`);
    const row = page.locator('[data-testid=notification-row]', { hasText: TITLE });
    const message = () => row.locator('.notification-message').textContent();
    await expect.poll(message).toBe(`「${TITLE}」待您办理：合法性审查。`);

    await page.click('.lang-toggle');
    await expect.poll(message).toBe(`“${TITLE}” is waiting for you: Legality review.`);
    expect(await row.locator('.badge').textContent()).toBe('New task');
    // The older row has nothing to translate from: its stored text, unchanged.
    expect(await page.locator('[data-testid=notification-row]', { hasText: LEGACY }).count()).toBe(1);
    await screenshot(page, '126-notifications-en');

    await page.click('.lang-toggle');
    await expect.poll(message).toBe(`「${TITLE}」待您办理：合法性审查。`);
    await screenshot(page, '126-notifications-zh');
    expect(errors).toEqual([]);
    await context.close();
  });
});
