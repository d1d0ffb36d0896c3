import type { Random } from './scale-text';

/**
 * A generated document's own pace. The templates were made on a clock that moves 3 hours per
 * step, so copying them by a constant shift gave every one of a million documents the same
 * durations, and the dashboard's medians and the deadline board's ages a single value. Each copy
 * instead stretches every gap of its template's timeline by its own random factor (¼× to 4×,
 * log-uniform), then scales the whole so that it spans ½× to 2× the template's. Order is kept:
 * the warp is monotone, so every row's times keep their order with the others.
 */

/** The distinct times of a template's rows, ascending: the points the warp moves. */
export function timelineKnots(times: Iterable<number | null>): number[] {
  const distinct = new Set<number>();
  for (const t of times) if (t !== null && Number.isFinite(t)) distinct.add(t);
  return [...distinct].sort((a, b) => a - b);
}

/**
 * The warp of one copy: `anchor` (the template's creation) lands on `base`, and every knot
 * moves by the stretched gaps before it. A time between two knots is placed in proportion between
 * their new places; one outside them all keeps its distance to the nearest.
 * @example const at = warpTimeline([t0, t0 + 3 * HOUR, t0 + 9 * HOUR], t0, base, random); at(t0 + 9 * HOUR) // base + 4.5 … 18 h
 */
export function warpTimeline(knots: readonly number[], anchor: number, base: number, random: Random): (time: number | null) => number | null {
  if (!knots.length) return (time) => (time === null ? null : time - anchor + base);
  const warped = new Array<number>(knots.length);
  warped[0] = 0;
  for (let k = 1; k < knots.length; k++) warped[k] = warped[k - 1]! + (knots[k]! - knots[k - 1]!) * 4 ** (random.next() * 2 - 1);
  const last = knots.length - 1;
  const scale = warped[last]! > 0 ? ((knots[last]! - knots[0]!) * 2 ** (random.next() * 2 - 1)) / warped[last]! : 1;
  const relative = (time: number): number => {
    if (time <= knots[0]!) return time - knots[0]!;
    if (time >= knots[last]!) return warped[last]! * scale + (time - knots[last]!);
    const k = indexAtOrBefore(knots, time);
    const within = (time - knots[k]!) / (knots[k + 1]! - knots[k]!);
    return (warped[k]! + within * (warped[k + 1]! - warped[k]!)) * scale;
  };
  const offset = base - relative(anchor);
  return (time) => (time === null ? null : Math.round(offset + relative(time)));
}

/** The index of the last knot at or before `time`, for a time within the knots. */
function indexAtOrBefore(knots: readonly number[], time: number): number {
  let lo = 0;
  let hi = knots.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (knots[mid]! <= time) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
