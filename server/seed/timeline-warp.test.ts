import { describe, expect, it } from 'vitest';
import { randomSource } from './scale-text';
import { timelineKnots, warpTimeline } from './timeline-warp';

const HOUR = 60 * 60 * 1000;
const t0 = Date.parse('2026-03-02T09:30:00+08:00');
// A template's clock: 3 hours a step, some rows sharing a time.
const times = [t0, t0 + 3 * HOUR, t0 + 3 * HOUR, t0 + 6 * HOUR, t0 + 9 * HOUR, null, t0 + 12 * HOUR];
const base = Date.parse('2025-11-20T10:00:00+08:00');

describe('timelineKnots', () => {
  it('keeps each time once, ascending, without nulls', () => {
    expect(timelineKnots([5, null, 1, 5, 3])).toEqual([1, 3, 5]);
  });
});

describe('warpTimeline', () => {
  const knots = timelineKnots(times);

  it('puts the anchor on the base and keeps every time in its order', () => {
    const random = randomSource(7);
    for (let copy = 0; copy < 200; copy++) {
      const at = warpTimeline(knots, t0, base, random);
      expect(at(t0)).toBe(base);
      const moved = knots.map((k) => at(k)!);
      for (let k = 1; k < moved.length; k++) expect(moved[k]).toBeGreaterThan(moved[k - 1]!);
      // The whole span stays within ½× to 2× of the template's (12 hours).
      const span = moved[moved.length - 1]! - moved[0]!;
      expect(span).toBeGreaterThanOrEqual(6 * HOUR - 1);
      expect(span).toBeLessThanOrEqual(24 * HOUR + 1);
      expect(at(null)).toBeNull();
    }
  });

  it('gives copies durations of their own, not the template clock\'s 3 hours', () => {
    const random = randomSource(11);
    const firstSteps = new Set<number>();
    for (let copy = 0; copy < 100; copy++) {
      const at = warpTimeline(knots, t0, base, random);
      firstSteps.add(at(t0 + 3 * HOUR)! - at(t0)!);
    }
    expect(firstSteps.size).toBeGreaterThan(90);
    const sorted = [...firstSteps].sort((a, b) => a - b);
    expect(sorted[0]!).toBeLessThan(2 * HOUR);
    expect(sorted[sorted.length - 1]!).toBeGreaterThan(4 * HOUR);
  });

  it('places a time between knots in proportion, and one outside them at its distance', () => {
    const at = warpTimeline(knots, t0, base, randomSource(3));
    const [a, b] = [at(t0 + 3 * HOUR)!, at(t0 + 6 * HOUR)!];
    expect(Math.abs(at(t0 + 4.5 * HOUR)! - (a + b) / 2)).toBeLessThanOrEqual(1);
    expect(at(t0 - HOUR)).toBe(base - HOUR);
    expect(at(t0 + 13 * HOUR)).toBe(at(t0 + 12 * HOUR)! + HOUR);
  });

  it('shifts by a constant when a template has no times', () => {
    expect(warpTimeline([], t0, base, randomSource(1))(t0 + HOUR)).toBe(base + HOUR);
  });
});
