import { describe, expect, it } from 'vitest';
import { indexText, matchExpression, searchTokens } from './search-text';

describe('bigram search tokens', () => {
  it('indexes Chinese as overlapping bigrams, so two-character words like 低保 match inside longer ones', () => {
    expect(searchTokens('城市低保标准')).toEqual(['城市', '市低', '低保', '保标', '标准']);
    // Intl.Segmenter keeps 低保 apart here only by luck of its dictionary; bigrams do not depend on it.
    expect(indexText('临时救助')).toContain('救助');
  });

  it('keeps numbers and latin words whole, lower-cased, and drops punctuation', () => {
    expect(searchTokens('每月860元，GDP增长')).toEqual(['每月', '860', '元', 'gdp', '增长']);
    expect(searchTokens('＂全角ＡＢＣ＂')).toEqual(['全角', 'abc']);
  });

  it('stores exactly the tokens separated by spaces, for any text (astral characters, full-width forms, case, marks)', () => {
    const alphabet = ['低', '保', '标', '𠀀', '𪚥', 'A', 'É', 'é', 'İ', 'ß', 'Σ', 'ǅ', '１', '³', 'Ⅻ', '㍿', '　', ' ', '，', '。', '\n', 'x', '9', '〇', '々', 'ｶ', 'ﾞ', '\u0301', '🙂', '\uD800', 'ア', '가', '𝐀', '٣', 'ﬁ', '〔', '号'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(indexText(text)).toBe(searchTokens(text).join(' '));
    }
    const long = '城市最低生活保障标准调整为每人每月860元。'.repeat(2000);
    expect(indexText(long)).toBe(searchTokens(long).join(' '));
  });

  it('turns each term of a query into a phrase of its bigrams, all terms required', () => {
    expect(matchExpression('低保')).toBe('"低保"');
    expect(matchExpression('低保标准  救助')).toBe('"低保 保标 标准" AND "救助"');
    expect(matchExpression('第3条')).toBe('"第 3 条"*');
  });

  it('cannot be used to inject FTS syntax', () => {
    expect(matchExpression('" OR title:* NEAR(')).toBe('"or" AND "title" AND "near"');
    expect(matchExpression('  ，。！ ')).toBeNull();
  });
});
