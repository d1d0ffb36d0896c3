import { describe, expect, it } from 'vitest';

// i18n.ts reads localStorage and sets <html lang>; give it the two globals a browser has.
const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
  document: { documentElement: { lang: '' }, cookie: '' },
});
const { setLocale } = await import('../i18n/i18n');
const { notificationText } = await import('./notification-text');

const title = '关于调整医保缴费标准的通知';
const item = (kind: string, params: Record<string, unknown> | null, message = '（已存的中文）') => ({ kind, message, params }) as Parameters<typeof notificationText>[0];

describe('a notification in the reader language', () => {
  it('says the same as the stored Chinese message in Chinese, and each kind in English', async () => {
    await setLocale('zh');
    expect(notificationText(item('task.new', { title, step: { zh: '合法性审查', en: 'Legality review' } }))).toBe(`「${title}」待您办理：合法性审查。`);
    expect(notificationText(item('task.returned', { title, opinion: '请补充依据' }))).toBe(`「${title}」被退回修改。意见：请补充依据`);
    expect(notificationText(item('task.overdue', { title, due: '2026-12-03' }))).toBe(`「${title}」的审查任务已于 2026-12-03 超期，请尽快办理。`);
    await setLocale('en');
    expect(notificationText(item('task.new', { title, step: { zh: '合法性审查', en: 'Legality review' } }))).toBe(`“${title}” is waiting for you: Legality review.`);
    expect(notificationText(item('task.returned', { title, opinion: '请补充依据' }))).toBe(`“${title}” was returned for changes. Opinion: 请补充依据`);
    expect(notificationText(item('task.due_soon', { title, due: '2026-12-10' }))).toContain('is due on 2026-12-10');
    expect(notificationText(item('task.overdue', { title, due: '2026-12-03' }))).toContain('was due on 2026-12-03 and is overdue');
  });

  it('falls back to the stored message for a row without parameters or a kind it does not know', async () => {
    await setLocale('en');
    expect(notificationText(item('task.new', null, '「旧」待您办理：合法性审查。'))).toBe('「旧」待您办理：合法性审查。');
    expect(notificationText(item('request.assigned', { title }, '新的申请'))).toBe('新的申请');
    expect(notificationText(item('task.new', { title }, '缺少步骤'))).toBe('缺少步骤');
  });
});
