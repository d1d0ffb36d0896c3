/**
 * The exact median of each step's durations without sorting them all.
 *
 * A year of a large bureau holds about two million finished tasks. Numbering each step's
 * durations in order (a window) sorted all of them and took 7.6 of the year dashboard's 9.3 s
 * at a million documents. Instead, two passes (dashboard-service.ts):
 *  1. SQLite counts the durations per step and bucket (`DURATION_BUCKET`: a bucket per
 *     decimal length and first three digits, so about 0.1–1% wide whatever the scale), with
 *     each bucket's least and greatest. From the counts, `medianPlan` finds the bucket and the
 *     rank in it of the middle duration (the two middle ones for an even count).
 *  2. Only for a bucket whose durations differ, SQLite lists its distinct durations with their
 *     counts, and `medians` walks to the rank.
 * The answer is the median a full sort gives, to the millisecond.
 */

/** SQL: the bucket of a duration `ms` (a non-negative integer); buckets order as durations do. */
export const DURATION_BUCKET = 'length(ms) * 1000 + CAST(substr(ms, 1, 3) AS INTEGER)';

/** Pass 1's row: one bucket of one step. */
export interface DurationBucket {
  step: string;
  bucket: number;
  count: number;
  least: number;
  greatest: number;
}

/** Pass 2's row: how many durations of a step's bucket equal `ms`. */
export interface DurationValue {
  step: string;
  bucket: number;
  ms: number;
  count: number;
}

/** Where one middle duration is: its bucket and its rank there (1 = least); `value` when the bucket holds one value only. */
interface MiddleSpot {
  bucket: number;
  rank: number;
  value: number | null;
}

export interface StepMedianPlan {
  step: string;
  count: number;
  slowestMs: number;
  /** The ((n + 1) / 2)-th and ((n + 2) / 2)-th durations: the same one for an odd count. */
  middle: [MiddleSpot, MiddleSpot];
}

/** Per step, where its middle durations are, from pass 1's buckets (in any order). */
export function medianPlan(buckets: readonly DurationBucket[]): StepMedianPlan[] {
  const byStep = new Map<string, DurationBucket[]>();
  for (const b of buckets) byStep.get(b.step)?.push(b) ?? byStep.set(b.step, [b]);
  return [...byStep].map(([step, list]) => {
    list.sort((a, b) => a.bucket - b.bucket);
    const count = list.reduce((n, b) => n + b.count, 0);
    const spot = (rank: number): MiddleSpot => {
      let before = 0;
      for (const b of list) {
        if (before + b.count >= rank) return { bucket: b.bucket, rank: rank - before, value: b.least === b.greatest ? b.least : null };
        before += b.count;
      }
      throw new RangeError(`rank ${rank} beyond ${count} durations of ${step}`);
    };
    return { step, count, slowestMs: list.at(-1)!.greatest, middle: [spot(Math.floor((count + 1) / 2)), spot(Math.floor((count + 2) / 2))] };
  });
}

/** The buckets pass 2 must list: those holding a middle duration among different values. */
export function bucketsToList(plans: readonly StepMedianPlan[]): { step: string; bucket: number }[] {
  const wanted = new Map<string, { step: string; bucket: number }>();
  for (const plan of plans) {
    for (const spot of plan.middle) if (spot.value === null) wanted.set(`${plan.step}\u0000${spot.bucket}`, { step: plan.step, bucket: spot.bucket });
  }
  return [...wanted.values()];
}

/** Each step's count, median and slowest, from its plan and pass 2's values (in any order). */
export function medians(plans: readonly StepMedianPlan[], values: readonly DurationValue[]): { step: string; count: number; medianMs: number; slowestMs: number }[] {
  const inBucket = new Map<string, DurationValue[]>();
  for (const v of values) {
    const key = `${v.step}\u0000${v.bucket}`;
    inBucket.get(key)?.push(v) ?? inBucket.set(key, [v]);
  }
  for (const list of inBucket.values()) list.sort((a, b) => a.ms - b.ms);
  const valueAt = (step: string, spot: MiddleSpot): number => {
    if (spot.value !== null) return spot.value;
    let seen = 0;
    for (const v of inBucket.get(`${step}\u0000${spot.bucket}`) ?? []) {
      seen += v.count;
      if (seen >= spot.rank) return v.ms;
    }
    throw new RangeError(`bucket ${spot.bucket} of ${step} was not listed in full`);
  };
  return plans.map((plan) => ({ step: plan.step, count: plan.count, slowestMs: plan.slowestMs, medianMs: (valueAt(plan.step, plan.middle[0]) + valueAt(plan.step, plan.middle[1])) / 2 }));
}
