import { describe, expect, it } from 'vitest';
import { deadlineStatus, firstOnTimeDue } from './deadline-status';
import { addDays } from '../calendar/index';
import { calendar } from './clock-test-helpers';

describe('deadlineStatus', () => {
  it('warns within 3 working days and flags the day after the due day', () => {
    expect(deadlineStatus('2026-10-29', '2026-10-23', calendar)).toBe('on_time');
    expect(deadlineStatus('2026-10-29', '2026-10-26', calendar)).toBe('due_soon');
    expect(deadlineStatus('2026-10-29', '2026-10-29', calendar)).toBe('due_soon');
    expect(deadlineStatus('2026-10-29', '2026-10-30', calendar)).toBe('overdue');
  });

  it('counts working days, not calendar days, for the warning', () => {
    // 9/30 → 10/8 is eight calendar days but one working day.
    expect(deadlineStatus('2026-10-08', '2026-09-30', calendar)).toBe('due_soon');
    expect(deadlineStatus('2026-10-08', '2026-09-30', calendar, 0)).toBe('on_time');
  });

  it('refuses a negative warning', () => {
    expect(() => deadlineStatus('2026-10-08', '2026-09-30', calendar, -1)).toThrow();
  });

  it('names the first on-time due day: earlier dues are due soon or overdue, it and later ones on time', () => {
    expect(firstOnTimeDue('2026-10-26', calendar)).toBe('2026-10-30');
    for (const today of ['2026-09-25', '2026-09-30', '2026-10-08', '2026-12-31']) {
      const first = firstOnTimeDue(today, calendar);
      for (let d = -10; d < 30; d++) {
        const due = addDays(today, d);
        expect(deadlineStatus(due, today, calendar) === 'on_time').toBe(due >= first);
      }
    }
  });
});
