import { describe, expect, it } from 'vitest';
import { median, monthsBetween, stepDurations } from './step-durations';

const h = (n: number) => n * 3_600_000;

describe('step durations', () => {
  it('gives the median and the slowest per step, in the flow order', () => {
    const rows = stepDurations(
      [
        { step: 'secrecy_review', createdAt: 0, completedAt: h(5) },
        { step: 'legality_review', createdAt: 0, completedAt: h(2) },
        { step: 'legality_review', createdAt: h(1), completedAt: h(9) },
        { step: 'legality_review', createdAt: 0, completedAt: h(4) },
        { step: 'legality_review', createdAt: 0, completedAt: h(30) },
      ],
      ['draft', 'legality_review', 'secrecy_review'],
    );
    expect(rows).toEqual([
      { step: 'legality_review', count: 4, medianHours: 6, slowestHours: 30 },
      { step: 'secrecy_review', count: 1, medianHours: 5, slowestHours: 5 },
    ]);
  });

  it('has a median of the middle value for odd counts and zero for none', () => {
    expect(median([1, 2, 10])).toBe(2);
    expect(median([])).toBe(0);
  });

  it('lists every month of a range, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });
});
