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
