import { describe, expect, it } from 'vitest';
import type { HolidayData } from './package-holidays';
import { packageHolidays } from './package-holidays';
import { createWorkCalendar } from './work-calendar';

/** A package that stops at 2026, so these tests do not change when chinese-days learns 2027. */
const upTo2026: HolidayData = {
  holidays: { '2026-10-01': 'National Day,国庆节,3', '2026-10-02': 'National Day,国庆节,3' },
  makeupWorkdays: { '2026-10-10': 'National Day,国庆节,3' },
  knownYears: new Set([2026]),
};

describe('createWorkCalendar', () => {
  it('does not count the start day, and n = 0 stays on it', () => {
    const calendar = createWorkCalendar();
    expect(calendar.addWorkingDays('2026-03-02', 1).date).toBe('2026-03-03');
    expect(calendar.addWorkingDays('2026-03-07', 1).date).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-07', 0)).toEqual({ date: '2026-03-07', provisional: false });
  });

  it('counts backwards with a negative n', () => {
    const calendar = createWorkCalendar();
    // Backwards lands on a working day: 9/25–9/27 are Mid-Autumn, so the 20th is Thursday 9/24.
    expect(calendar.addWorkingDays('2026-10-29', -20).date).toBe('2026-09-24');
    expect(calendar.workingDaysBetween('2026-10-29', '2026-09-25')).toBe(-20);
    expect(calendar.workingDaysBetween('2026-10-08', '2026-10-08')).toBe(0);
  });

  it('adds calendar days plainly, never provisional', () => {
    const calendar = createWorkCalendar({}, upTo2026);
    expect(calendar.addCalendarDays('2026-12-30', 3)).toEqual({ date: '2027-01-02', provisional: false });
  });

  it('marks a count that enters an unknown year provisional, still skipping weekends', () => {
    const calendar = createWorkCalendar({}, upTo2026);
    expect(calendar.isYearKnown(2027)).toBe(false);
    // 2026-12-31 Thu: 1/1 Fri (1), 1/4 Mon–1/8 Fri (6), 1/11 Mon (7).
    expect(calendar.addWorkingDays('2026-12-31', 7)).toEqual({ date: '2027-01-11', provisional: true });
    expect(calendar.addWorkingDays('2026-12-30', 1)).toEqual({ date: '2026-12-31', provisional: false });
    expect(calendar.dayInfo('2027-01-02')).toMatchObject({ kind: 'weekend', yearKnown: false, source: 'weekday' });
  });

  it('lets the admin enter a year and declare it known', () => {
    const calendar = createWorkCalendar(
      {
        overrides: [
          { date: '2027-01-01', kind: 'holiday', note: '元旦' },
          { date: '2027-01-09', kind: 'workday', note: '元旦调休' },
        ],
        knownYears: [2027],
      },
      upTo2026,
    );
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: false });
    expect(calendar.dayInfo('2027-01-09')).toMatchObject({ kind: 'makeup_workday', working: true, name: '元旦调休', source: 'override' });
    expect(calendar.knownYears()).toEqual([2026, 2027]);
  });

  it('does not call a year known just because it has an override', () => {
    const calendar = createWorkCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday' }] }, upTo2026);
    expect(calendar.isYearKnown(2027)).toBe(false);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
  });

  it('lets overrides win over the package, the last one for a date', () => {
    const calendar = createWorkCalendar(
      {
        overrides: [
          { date: '2026-10-02', kind: 'holiday' },
          { date: '2026-10-02', kind: 'workday', note: '本地安排' },
          { date: '2026-10-10', kind: 'holiday' },
          { date: '2026-10-12', kind: 'holiday', note: '地方节日' },
        ],
      },
      upTo2026,
    );
    expect(calendar.dayKind('2026-10-02')).toBe('workday');
    expect(calendar.dayKind('2026-10-10')).toBe('holiday');
    expect(calendar.dayInfo('2026-10-12')).toMatchObject({ kind: 'holiday', working: false, name: '地方节日' });
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
  });

  it('refuses malformed options and inputs', () => {
    expect(() => createWorkCalendar({ overrides: [{ date: '2026-02-30', kind: 'holiday' }] })).toThrow();
    expect(() => createWorkCalendar({ knownYears: [2026.5] })).toThrow();
    const calendar = createWorkCalendar();
    expect(() => calendar.addWorkingDays('2026-9-25', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => calendar.addWorkingDays('2026-09-25', 1.5)).toThrow(/整数/);
  });

  it.skipIf(packageHolidays.knownYears.has(2027))('with the installed package, a 2027 deadline is provisional', () => {
    const calendar = createWorkCalendar();
    expect(calendar.isYearKnown(2027)).toBe(false);
    expect(calendar.addWorkingDays('2026-12-20', 20).provisional).toBe(true);
  });

  it('knows the years the package carries', () => {
    const years = createWorkCalendar().knownYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
  });
});
