import { describe, expect, it } from 'vitest';
import { bucketsToList, medianPlan, medians, type DurationBucket, type DurationValue } from './median-buckets';

/** DURATION_BUCKET as SQLite computes it: decimal length, then the first three digits. */
const bucketOf = (ms: number) => String(ms).length * 1000 + Number(String(ms).slice(0, 3));

/** Both passes over durations held in memory, as SQLite answers them. */
function twoPassMedians(durations: Record<string, number[]>) {
  const buckets = new Map<string, DurationBucket>();
  for (const [step, list] of Object.entries(durations)) {
    for (const ms of list) {
      const key = `${step}/${bucketOf(ms)}`;
      const b = buckets.get(key) ?? { step, bucket: bucketOf(ms), count: 0, least: ms, greatest: ms };
      b.count++;
      b.least = Math.min(b.least, ms);
      b.greatest = Math.max(b.greatest, ms);
      buckets.set(key, b);
    }
  }
  const plans = medianPlan([...buckets.values()].reverse());
  const listed = bucketsToList(plans);
  const values = new Map<string, DurationValue>();
  for (const { step, bucket } of listed) {
    for (const ms of durations[step]!.filter((d) => bucketOf(d) === bucket)) {
      const v = values.get(`${step}/${ms}`) ?? { step, bucket, ms, count: 0 };
      v.count++;
      values.set(`${step}/${ms}`, v);
    }
  }
  return { result: medians(plans, [...values.values()]), listedValues: values.size };
}

function sortedMedian(list: number[]) {
  const s = [...list].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('the median of durations by buckets', () => {
  it('equals the median of a full sort, for odd and even counts, many scales and repeated values', () => {
    const next = random(7);
    for (let round = 0; round < 50; round++) {
      const durations: Record<string, number[]> = {};
      for (const step of ['legality_review', 'secrecy_review', 'leader_signoff']) {
        const n = 1 + Math.floor(next() * 400);
        // Minutes to weeks, some exactly equal (whole hours), some zero.
        durations[step] = Array.from({ length: n }, () => (next() < 0.2 ? 3_600_000 * Math.floor(next() * 5) : Math.floor(Math.exp(next() * 20))));
      }
      const { result } = twoPassMedians(durations);
      for (const r of result) {
        expect(r.medianMs, `${r.step} in round ${round}`).toBe(sortedMedian(durations[r.step]!));
        expect(r.count).toBe(durations[r.step]!.length);
        expect(r.slowestMs).toBe(Math.max(...durations[r.step]!));
      }
    }
  });

  it('finds an even count whose two middle durations lie in different buckets', () => {
    const { result } = twoPassMedians({ filing: [5, 999, 1000, 2_000_000] });
    // Middle: 999 (bucket 3999) and 1000 (bucket 4100).
    expect(result).toEqual([{ step: 'filing', count: 4, medianMs: 999.5, slowestMs: 2_000_000 }]);
  });

  it('lists nothing when each middle bucket holds a single value, however many tasks share it', () => {
    const { result, listedValues } = twoPassMedians({ publication: Array.from({ length: 100_001 }, () => 10_800_000) });
    expect(result).toEqual([{ step: 'publication', count: 100_001, medianMs: 10_800_000, slowestMs: 10_800_000 }]);
    expect(listedValues).toBe(0);
  });

  it('lists only the middle bucket of spread durations, a small part of them', () => {
    const next = random(11);
    const spread = Array.from({ length: 20_000 }, () => Math.floor(60_000 + next() * 30 * 86_400_000));
    const { result, listedValues } = twoPassMedians({ legality_review: spread });
    expect(result[0]!.medianMs).toBe(sortedMedian(spread));
    expect(listedValues).toBeLessThan(spread.length / 50);
  });
});
