import type { Page } from 'playwright-core';

/** In the form builder: adds a field and gives it a key, a Chinese label and a type. */
export async function addBuilderField(page: Page, key: string, label: string, type: string): Promise<void> {
  const before = await page.locator('[data-testid=fb-field]').count();
  await page.click('[data-testid=fb-add]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=fb-field]').length === n + 1, before);
  await page.fill('[data-testid=fb-key]', key);
  await page.press('[data-testid=fb-key]', 'Tab');
  await page.waitForSelector(`[data-testid=fb-field][data-key=${key}].fb-selected`);
  await page.fill('[data-testid=fb-label-zh]', label);
  await page.selectOption('[data-testid=fb-type]', type);
}
