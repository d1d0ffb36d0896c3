import { describe, expect, it } from 'vitest';
import { groupMedians, medianOf, parseIntegerList } from './group-medians';

function sortedMedian(list: number[]) {
  const s = [...list].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('exact medians of groups from group_concat lists', () => {
  it('equals the median of a full sort, for odd and even counts, many scales and repeated values', () => {
    const next = random(7);
    for (let round = 0; round < 60; round++) {
      const n = 1 + Math.floor(next() * 600);
      // Minutes to weeks, some exactly equal (whole hours), some zero, as SQLite lists them.
      const durations = Array.from({ length: n }, () => (next() < 0.2 ? 3_600_000 * Math.floor(next() * 5) : Math.floor(Math.exp(next() * 20))));
      const [group] = groupMedians([['legality_review', durations.join(',')]]);
      expect(group, `round ${round}`).toEqual({ key: 'legality_review', count: n, median: sortedMedian(durations), max: Math.max(...durations) });
    }
  });

  it('takes the mean of two middle values that differ, and the one value of a single-valued list', () => {
    expect(medianOf(Float64Array.of(2_000_000, 5, 1000, 999))).toEqual({ count: 4, median: 999.5, max: 2_000_000 });
    expect(medianOf(Float64Array.of(7))).toEqual({ count: 1, median: 7, max: 7 });
    expect(medianOf(Float64Array.of(3, 3))).toEqual({ count: 2, median: 3, max: 3 });
    expect(medianOf(new Float64Array(0))).toBeNull();
  });

  it('reads integers up to 2^53 exactly, and leaves out groups with no values', () => {
    expect([...parseIntegerList('0,10,9007199254740991')]).toEqual([0, 10, 9_007_199_254_740_991]);
    expect(groupMedians([['filing', null], ['publication', ''], ['secrecy_review', '42']])).toEqual([{ key: 'secrecy_review', count: 1, median: 42, max: 42 }]);
  });

  it('refuses a list that is not of non-negative integers instead of misreading it', () => {
    expect(() => parseIntegerList('1,-2,3')).toThrow(RangeError);
    expect(() => parseIntegerList('1.5')).toThrow(RangeError);
  });

  it('handles a hundred thousand equal values and a million spread ones', () => {
    expect(groupMedians([['publication', Array(100_001).fill(10_800_000).join(',')]])).toEqual([{ key: 'publication', count: 100_001, median: 10_800_000, max: 10_800_000 }]);
    const next = random(11);
    const spread = Array.from({ length: 1_000_000 }, () => Math.floor(60_000 + next() * 30 * 86_400_000));
    const [group] = groupMedians([['legality_review', spread.join(',')]]);
    expect(group!.median).toBe(sortedMedian(spread));
    expect(group!.max).toBe(spread.reduce((a, b) => Math.max(a, b)));
  });
});
