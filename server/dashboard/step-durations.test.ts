import { describe, expect, it } from 'vitest';
import { monthsBetween, stepDurations } from './step-durations';

const h = (n: number) => n * 3_600_000;

describe('step durations', () => {
  it('orders the steps as the flow does, unnamed ones last, in hours to a tenth', () => {
    const rows = stepDurations(
      [
        { step: 'secrecy_review', count: 1, medianMs: h(5), slowestMs: h(5) },
        { step: 'zz_plugin_step', count: 2, medianMs: h(1.04), slowestMs: h(1.96) },
        { step: 'legality_review', count: 4, medianMs: h(6), slowestMs: h(30) },
      ],
      ['draft', 'legality_review', 'secrecy_review'],
    );
    expect(rows).toEqual([
      { step: 'legality_review', count: 4, medianHours: 6, slowestHours: 30 },
      { step: 'secrecy_review', count: 1, medianHours: 5, slowestHours: 5 },
      { step: 'zz_plugin_step', count: 2, medianHours: 1, slowestHours: 2 },
    ]);
  });

  it('lists every month of a range, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });
});
