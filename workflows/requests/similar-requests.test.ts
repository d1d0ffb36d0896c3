import { describe, expect, it } from 'vitest';
import { bigrams, similarity, similarRequests, suggestsProactive } from './similar-requests';

describe('similar requests by Chinese bigrams', () => {
  it('splits Chinese into two-character words and keeps latin words whole', () => {
    expect([...bigrams('2026年低保名单')]).toEqual(['2026', '年低', '低保', '保名', '名单']);
  });

  it('finds the same information asked in other words', () => {
    expect(similarity('2026年城市低保名单', '请公开2026年城市低保名单')).toBe(1);
    expect(similarity('本市2026年城市低保对象名单', '申请公开城市低保对象名单及标准')).toBeGreaterThan(0.6);
    expect(similarity('城市低保对象名单', '养老机构补贴发放情况')).toBe(0);
  });

  it('suggests publishing after the third request for the same thing', () => {
    const others = [
      { id: 'a', description: '请公开本市城市低保对象名单' },
      { id: 'b', description: '养老服务补贴标准' },
      { id: 'c', description: '城市低保对象名单（2026年）' },
    ];
    const similar = similarRequests('城市低保对象名单', others);
    expect(similar.map((s) => s.id)).toEqual(['a', 'c']);
    expect(suggestsProactive(similar.length)).toBe(true);
    expect(suggestsProactive(1)).toBe(false);
  });
});
