import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/test-server';
import { applicationFields, fetchForm, postForm, receiptOf, testClock } from '../support/apply-form';
import { auditLog, infoRequests, publicRateLimits } from '../../server/db/schema/index';
import { hashSecretCode } from '../../server/services/request-store';
import { PUBLIC_LIMITS } from '../../server/services/public-form-guard';

describe('public information request form and status page', () => {
  const clock = testClock();
  let server: TestServer;
  let receipt: { requestNo: string; code: string };
  const count = async () => (await server.services.database.db.select().from(infoRequests)).length;

  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
  });
  afterAll(() => server.close());

  it('shows the form without JavaScript, with a token and a hidden honeypot', async () => {
    const response = await fetch(`${server.url}/public/apply`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('政府信息公开申请');
    expect(html).toMatch(/name="token" value="\d+\.[\w-]+\.[\w-]+"/);
    expect(html).toContain('class="hp-field"');
    expect(html).not.toContain('<script');
  });

  it('refuses a form sent back within seconds of being served, keeping nothing', async () => {
    const token = await fetchForm(server.url);
    clock.advance(1_000);
    const { status, html } = await postForm(server.url, '/public/apply', { ...applicationFields(), token });
    expect(status).toBe(400);
    expect(html).toContain('提交过快');
    expect(html).toContain('value="张明"');
    expect(await count()).toBe(0);
  });

  it('shows each field’s Chinese message next to it and keeps what was typed', async () => {
    const token = await fetchForm(server.url);
    clock.advance(10_000);
    const fields = applicationFields({ applicantIdNumber: '110105194912310021', contactPhone: '123', description: '低保', applicantType: 'business', organisationName: '' });
    const { status, html } = await postForm(server.url, '/public/apply', { ...fields, token });
    expect(status).toBe(400);
    expect(html).toContain('<p class="field-error" id="applicantIdNumber-error">「证件号码」应为有效的 18 位统一社会信用代码</p>');
    expect(html).toContain('id="contactPhone-error">「联系电话」应为手机号或带区号的固定电话');
    expect(html).toContain('id="organisationName-error">请填写「单位名称」');
    expect(html).toContain('id="description-error">「所需信息描述」请至少写 5 个字');
    expect(html).toMatch(/<textarea id="description"[^>]*>低保<\/textarea>/);
    expect(html).toMatch(/value="business" checked/);
    expect(await count()).toBe(0);
  });

  it('registers a valid request and shows its number and secret code once; only the hash is stored', async () => {
    const token = await fetchForm(server.url);
    clock.advance(10_000);
    const { status, html, headers } = await postForm(server.url, '/public/apply', { ...applicationFields(), token, website: '' });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    receipt = receiptOf(html);
    expect(receipt.requestNo).toBe('QY-2026-0001');
    expect(receipt.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const [row] = await server.services.database.db.select().from(infoRequests);
    expect(row).toMatchObject({ status: 'registered', channel: 'online', applicantType: 'natural_person', receivedAt: '2026-03-02', closedAt: null });
    expect(row!.secretCodeHash).toBe(hashSecretCode(receipt.code));
    expect(JSON.stringify(row)).not.toContain(receipt.code);
    const audit = await server.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'request.registered'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain('张明');
  });

  it('refuses the same form submitted twice', async () => {
    const token = await fetchForm(server.url);
    clock.advance(10_000);
    expect((await postForm(server.url, '/public/apply', { ...applicationFields(), token })).status).toBe(200);
    const again = await postForm(server.url, '/public/apply', { ...applicationFields(), token });
    expect(again.status).toBe(409);
    expect(again.html).toContain('请勿重复提交');
    expect(await count()).toBe(2);
  });

  it('refuses a filled honeypot and a forged token', async () => {
    const token = await fetchForm(server.url);
    clock.advance(10_000);
    const bot = await postForm(server.url, '/public/apply', { ...applicationFields(), token, website: 'http://spam.example' });
    expect(bot.status).toBe(400);
    expect(bot.html).toContain('提交未成功');
    expect(await count()).toBe(2);
  });

  it('refuses an oversized body before reading it', async () => {
    const token = await fetchForm(server.url);
    clock.advance(10_000);
    const { status, html } = await postForm(server.url, '/public/apply', { ...applicationFields({ description: '低保'.repeat(5_000) }), token }, { connection: 'close' });
    expect(status).toBe(413);
    expect(html).toContain('提交的内容过长');
    expect(await count()).toBe(2);
  });

  it('limits submissions per address, counted in the database', async () => {
    let refusedAt = 0;
    for (let attempt = 1; attempt <= PUBLIC_LIMITS.apply.max && !refusedAt; attempt++) {
      const token = await fetchForm(server.url);
      clock.advance(10_000);
      const { status, html } = await postForm(server.url, '/public/apply', { ...applicationFields({ contactPhone: 'x' }), token });
      if (status === 429) {
        refusedAt = attempt;
        expect(html).toContain('操作过于频繁');
      }
    }
    expect(refusedAt).toBeGreaterThan(0);
    const [limit] = await server.services.database.db.select().from(publicRateLimits).where(eq(publicRateLimits.key, 'apply:127.0.0.1'));
    expect(limit!.hits).toBe(PUBLIC_LIMITS.apply.max + 1);
    // A new window lets the address apply again.
    clock.advance(PUBLIC_LIMITS.apply.windowMs);
    const fresh = await fetchForm(server.url);
    clock.advance(10_000);
    expect((await postForm(server.url, '/public/apply', { ...applicationFields(), token: fresh })).status).toBe(200);
  });

  it('refuses a cross-site POST like the API does', async () => {
    const token = await fetchForm(server.url);
    const { status } = await postForm(server.url, '/public/apply', { ...applicationFields(), token }, { origin: 'https://evil.example' });
    expect(status).toBe(403);
  });

  it('shows status and dates for the right number and code, and nothing else', async () => {
    const { status, html } = await postForm(server.url, '/public/apply/status', { requestNo: receipt.requestNo.toLowerCase(), code: receipt.code.toLowerCase().replace(/-/g, '') });
    expect(status).toBe(200);
    expect(html).toContain('已收到，待审查');
    expect(html).toContain('2026-03-02');
    expect(html).toContain('2026-03-30');
    expect(html).not.toContain('张明');
    expect(html).not.toContain('最低生活保障');
  });

  it('speaks English when asked (?lang=en), the look-up form keeping the language', async () => {
    const page = await fetch(`${server.url}/public/apply/status?lang=en`).then((r) => r.text());
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('action="/public/apply/status?lang=en"');
    expect(page).toContain('Look-up code');
    const { status, html } = await postForm(server.url, '/public/apply/status?lang=en', { requestNo: receipt.requestNo, code: receipt.code });
    expect(status).toBe(200);
    expect(html).toContain('Received, to be examined');
    expect(html).toContain('Reply due by');
    expect(html).not.toContain('已收到，待审查');
    expect(html).not.toContain('张明');
    const wrong = await postForm(server.url, '/public/apply/status?lang=en', { requestNo: receipt.requestNo, code: 'AAAA-BBBB-CCCC' });
    expect(wrong.html).toContain('No request matches that request number and look-up code');
  });

  it('remembers the language picked (a cookie the staff app sets too) until another is picked', async () => {
    const picked = await fetch(`${server.url}/public/apply/status?lang=en`);
    const cookie = picked.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^shenfa\.locale=en;/);
    const lang = async (path: string, headers: Record<string, string> = {}) => /<html lang="([^"]+)">/.exec(await fetch(`${server.url}${path}`, { headers }).then((r) => r.text()))![1];
    expect(await lang('/public/apply/status', { cookie: 'shenfa.locale=en' })).toBe('en');
    expect(await lang('/public/apply/status?lang=zh', { cookie: 'shenfa.locale=en' })).toBe('zh-CN');
    expect(await lang('/public/apply/status')).toBe('zh-CN');
    expect(await lang('/public/apply/status', { cookie: 'shenfa.locale=fr' })).toBe('zh-CN');
  });

  it('answers a wrong code exactly as an unknown number', async () => {
    const wrong = await postForm(server.url, '/public/apply/status', { requestNo: receipt.requestNo, code: 'AAAA-BBBB-CCCC' });
    const unknown = await postForm(server.url, '/public/apply/status', { requestNo: 'QY-2026-0999', code: receipt.code });
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.html).toContain('未查到与该申请编号和查询码相符的申请');
    expect(wrong.html.replace(receipt.requestNo, '#')).toBe(unknown.html.replace('QY-2026-0999', '#'));
    expect(wrong.html).not.toContain('已收到');
  });

  it('throttles status look-ups per address', async () => {
    let last = 0;
    for (let i = 0; i < 20; i++) last = (await postForm(server.url, '/public/apply/status', { requestNo: receipt.requestNo, code: `WRONG-${i}` })).status;
    expect(last).toBe(429);
    // Even the right code is refused until the window passes.
    expect((await postForm(server.url, '/public/apply/status', { requestNo: receipt.requestNo, code: receipt.code })).status).toBe(429);
  });
});
