import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysBetween, fromDayNumber, isIsoDate, toDayNumber, weekdayOf, yearOf } from './iso-date';

describe('iso dates', () => {
  it('accepts only real calendar days in YYYY-MM-DD form', () => {
    expect(isIsoDate('2026-10-01')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '2026/01/05', '20260105', '', 20260105, null]) expect(isIsoDate(bad)).toBe(false);
  });

  it('does arithmetic across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(fromDayNumber(toDayNumber('2026-09-25'))).toBe('2026-09-25');
  });

  it('knows the weekday without the local time zone', () => {
    expect(weekdayOf('2026-10-01')).toBe(4);
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2026-01-04')).toBe(0);
    expect(weekdayOf('1969-12-31')).toBe(3);
  });

  it('compares and reads the year', () => {
    expect(compareDates('2026-09-30', '2026-10-01')).toBe(-1);
    expect(compareDates('2026-10-01', '2026-10-01')).toBe(0);
    expect(yearOf('2027-01-04')).toBe(2027);
  });

  it('refuses an invalid date with a Chinese message', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(/YYYY-MM-DD/);
  });
});
