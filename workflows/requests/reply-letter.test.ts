import { describe, expect, it } from 'vitest';
import { REPLY_RESULTS } from './request-vocabulary';
import { DEFAULT_REPLY_TEMPLATES, fillTemplate, LETTER_PLACEHOLDERS, subReasonText } from './reply-letter';

describe('reply letter templates', () => {
  it('has a default for every result, using only known placeholders', () => {
    for (const result of REPLY_RESULTS) {
      const used = [...DEFAULT_REPLY_TEMPLATES[result].body.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]);
      expect(used.every((p) => (LETTER_PLACEHOLDERS as readonly string[]).includes(p!)), result).toBe(true);
      expect(DEFAULT_REPLY_TEMPLATES[result].body).toContain('行政复议');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('{{申请人}}：{{未知}}', { 申请人: '张明' })).toBe('张明：{{未知}}');
  });

  it('words a sub-reason by its legal ground or its own label', () => {
    expect(subReasonText('third_party_rights')).toBe('保护第三方合法权益');
    expect(subReasonText('not_held')).toBe('本机关不掌握相关政府信息');
    expect(subReasonText(null)).toBe('');
  });
});
