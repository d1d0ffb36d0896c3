import { describe, expect, it } from 'vitest';
import { deadlineStatus } from './deadline-status';
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
});
