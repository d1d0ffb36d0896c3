import { describe, expect, it } from 'vitest';

// i18n.ts reads localStorage and sets <html lang>; give it the two globals a browser has.
Object.assign(globalThis, {
  localStorage: { getItem: () => null, setItem: () => undefined },
  document: { documentElement: { lang: '' } },
});
const { setLocale } = await import('../i18n/i18n');
const { auditFacts } = await import('./audit-facts');
const { groupAuditActions } = await import('./audit-action-choices');
const { auditActionText, auditGroupText } = await import('./audit-action-text');

const facts = (row: Parameters<typeof auditFacts>[0]) => auditFacts(row).map((f) => [f.label, f.text, f.href ?? '']);

describe('an audit row in words', () => {
  it('picks what a person reads from the detail, in the row’s vocabulary, and links the request', () => {
    expect(facts({ action: 'session.sign_in_failed', documentId: null, detail: { username: 'legal', ip: '10.0.0.8' } })).toEqual([
      ['账号', 'legal', ''],
      ['IP 地址', '10.0.0.8', ''],
    ]);
    expect(facts({ action: 'user.roles_changed', documentId: null, detail: { userId: 'u1', username: 'wang', from: ['drafter'], to: ['drafter', 'legal'] } })).toEqual([
      ['账号', 'wang', ''],
      ['变更前', '起草人', ''],
      ['变更后', '起草人、合法性审查', ''],
    ]);
    expect(facts({ action: 'request.registered', documentId: null, detail: { requestId: 'r1', channel: 'letter', receivedAt: '2026-11-02' }, request: { id: 'r1', requestNo: 'QY-2026-0007' } })).toEqual([
      ['申请编号', 'QY-2026-0007', '/requests/r1'],
      ['申请渠道', '信函申请', ''],
      ['收到日期', '2026-11-02', ''],
    ]);
    // The document's title is the row's link already; nested objects stay in the raw record.
    expect(facts({ action: 'document.created', documentId: 'd1', detail: { title: '通知', attribute: 'open' } })).toEqual([]);
    expect(facts({ action: 'channel.update', documentId: null, detail: { key: 'portal', before: { label: 'a' }, after: { label: 'b' } } })).toEqual([]);
    expect(facts({ action: 'review.approve', documentId: 'd1', detail: null })).toEqual([]);
  });

  it('names actions and groups in the UI language; an unknown code shows as itself', async () => {
    expect(auditActionText('channel.add')).toBe('新增发布渠道');
    expect(auditGroupText('request.')).toBe('依申请公开');
    expect(auditActionText('plugin.did_something')).toBe('plugin.did_something');
    await setLocale('en');
    expect(auditActionText('channel.add')).toBe('Publication channel added');
    expect(facts({ action: 'session.sign_in_failed', documentId: null, detail: { username: 'legal' } })).toEqual([['Username', 'legal', '']]);
    await setLocale('zh');
  });

  it('groups the filter’s choices in the catalog’s order, unknown codes last', () => {
    expect(groupAuditActions(['review.approve', 'plugin.x', 'document.created', 'review.submit', 'request.accept'])).toEqual([
      { prefix: 'document.', actions: ['document.created'] },
      { prefix: 'review.', actions: ['review.submit', 'review.approve'] },
      { prefix: 'request.', actions: ['request.accept'] },
      { prefix: 'plugin.', actions: ['plugin.x'] },
    ]);
  });
});
