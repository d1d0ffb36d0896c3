/**
 * The 2026 calendar against the State Council's notice (国办发明电〔2025〕, gov.cn
 * content_7047091). The notice lists Mid-Autumn (9/25–9/27) apart from National Day
 * (10/1–10/7), as the package does.
 */
import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from './iso-date';
import { createWorkCalendar, type DayKind } from './work-calendar';

const span = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
};

const HOLIDAYS_2026 = [
  ...span('2026-01-01', '2026-01-03'), // 元旦
  ...span('2026-02-15', '2026-02-23'), // 春节
  ...span('2026-04-04', '2026-04-06'), // 清明
  ...span('2026-05-01', '2026-05-05'), // 劳动节
  ...span('2026-06-19', '2026-06-21'), // 端午
  ...span('2026-09-25', '2026-09-27'), // 中秋
  ...span('2026-10-01', '2026-10-07'), // 国庆
];
const MAKEUP_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

describe('2026 as announced', () => {
  const calendar = createWorkCalendar();

  it('matches the notice on every day of the year', () => {
    const mismatches = span('2026-01-01', '2026-12-31').filter((date) => {
      const weekday = weekdayOf(date);
      const expected: DayKind = HOLIDAYS_2026.includes(date)
        ? 'holiday'
        : MAKEUP_2026.includes(date)
          ? 'makeup_workday'
          : weekday === 0 || weekday === 6
            ? 'weekend'
            : 'workday';
      return calendar.dayKind(date) !== expected;
    });
    expect(mismatches).toEqual([]);
    expect(calendar.isYearKnown(2026)).toBe(true);
  });

  it('names the holidays in Chinese', () => {
    expect(calendar.dayInfo('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', source: 'package', yearKnown: true });
    expect(calendar.dayInfo('2026-02-28')).toMatchObject({ kind: 'makeup_workday', working: true, name: '春节' });
  });

  it('counts 20 working days over Mid-Autumn and National Day', () => {
    // 9/28–9/30 (3), 10/8–10/9 (5), Saturday 10/10 worked (6), then 14 weekdays to 10/29.
    expect(calendar.addWorkingDays('2026-09-25', 20)).toEqual({ date: '2026-10-29', provisional: false });
    expect(calendar.workingDaysBetween('2026-09-25', '2026-10-29')).toBe(20);
  });

  it('counts the Spring Festival make-up Saturdays', () => {
    // 2/13 Fri received: 2/14 Sat worked (1), 2/15–2/23 off, 2/24–2/27 (5), 2/28 Sat worked (6).
    expect(calendar.addWorkingDays('2026-02-13', 6).date).toBe('2026-02-28');
    expect(calendar.addWorkingDays('2026-02-13', 7).date).toBe('2026-03-02');
    expect(calendar.addWorkingDays('2026-02-12', 1).date).toBe('2026-02-13');
  });

  it('counts the New Year Sunday and the Labour Day Saturday', () => {
    expect(calendar.addWorkingDays('2025-12-31', 1)).toEqual({ date: '2026-01-04', provisional: false });
    expect(calendar.addWorkingDays('2026-04-30', 1).date).toBe('2026-05-06');
    expect(calendar.addWorkingDays('2026-05-08', 1).date).toBe('2026-05-09');
  });
});
