/**
 * The working-day calendar: weekends, the State Council's holidays and make-up working
 * days (调休) from `chinese-days`, then the admin's overrides on top.
 */
import { workCalendarOptionsSchema, type CalendarOverride, type WorkCalendarOptions } from './calendar-overrides';
import { fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOf, type IsoDate } from './iso-date';
import { holidayNameZh, packageHolidays, type HolidayData } from './package-holidays';

/** 'makeup_workday' is a weekend day announced as a working day (调休上班). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** Chinese holiday name from the package (e.g. '国庆节'), or the override's note. */
  name?: string;
  /** Where the answer came from: an admin override, the package's notice, or the weekday. */
  source: 'override' | 'package' | 'weekday';
  /** False when the year's holiday arrangement is not known: the answer is a guess. */
  yearKnown: boolean;
}

/** A counted date; `provisional` when the count crossed a year whose notice is unknown. */
export interface CountResult {
  date: IsoDate;
  provisional: boolean;
}

export interface WorkCalendar {
  /** `isWorkingDay('2026-10-10')` → true (a Saturday worked for National Day). */
  isWorkingDay(date: IsoDate): boolean;
  /** `dayKind('2026-02-14')` → 'makeup_workday'; `dayKind('2026-02-16')` → 'holiday'. */
  dayKind(date: IsoDate): DayKind;
  /** `dayInfo('2026-10-01')` → { kind: 'holiday', working: false, name: '国庆节', source: 'package', … } */
  dayInfo(date: IsoDate): DayInfo;
  /**
   * The n-th working day after `start`; the start day itself never counts ("the day of
   * receipt does not count"). n = 0 gives `start`; a negative n counts backwards.
   * `addWorkingDays('2026-09-25', 20)` → { date: '2026-10-29', provisional: false }
   */
  addWorkingDays(start: IsoDate, n: number): CountResult;
  /** `addCalendarDays('2026-12-30', 3)` → { date: '2027-01-02', provisional: false } */
  addCalendarDays(start: IsoDate, n: number): CountResult;
  /**
   * Working days d with a < d ≤ b, negative when b is before a; the inverse of
   * `addWorkingDays` when b is a working day. `workingDaysBetween('2026-09-30', '2026-10-08')` → 1
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** `isYearKnown(2026)` → true; a year the package lacks is known only via `knownYears`. */
  isYearKnown(year: number): boolean;
  /** Every known year, ascending: the package's plus the admin's. */
  knownYears(): number[];
}

/**
 * Builds a calendar from the package data and the admin's overrides (last entry wins when
 * a date repeats). Throws a ZodError on a malformed option.
 *
 * @example
 * const calendar = createWorkCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }] });
 * calendar.addWorkingDays('2026-09-25', 20); // → { date: '2026-10-29', provisional: false }
 */
export function createWorkCalendar(options: WorkCalendarOptions = {}, data: HolidayData = packageHolidays): WorkCalendar {
  const parsed = workCalendarOptionsSchema.parse(options);
  const overrides = new Map<IsoDate, CalendarOverride>((parsed.overrides ?? []).map((o) => [o.date, o]));
  const known = new Set<number>([...data.knownYears, ...(parsed.knownYears ?? [])]);

  const isYearKnown = (year: number) => known.has(year);

  function dayInfo(date: IsoDate): DayInfo {
    const weekday = weekdayOfDayNumber(toDayNumber(date));
    const isWeekend = weekday === 0 || weekday === 6;
    const yearKnown = isYearKnown(yearOf(date));
    const override = overrides.get(date);
    if (override) {
      const kind: DayKind = override.kind === 'holiday' ? 'holiday' : isWeekend ? 'makeup_workday' : 'workday';
      return { date, kind, working: override.kind === 'workday', source: 'override', yearKnown, ...(override.note ? { name: override.note } : {}) };
    }
    const holiday = data.holidays[date];
    if (holiday !== undefined) return { date, kind: 'holiday', working: false, name: holidayNameZh(holiday), source: 'package', yearKnown };
    const makeup = data.makeupWorkdays[date];
    if (makeup !== undefined) return { date, kind: 'makeup_workday', working: true, name: holidayNameZh(makeup), source: 'package', yearKnown };
    return { date, kind: isWeekend ? 'weekend' : 'workday', working: !isWeekend, source: 'weekday', yearKnown };
  }

  // Asked for every day a deadline counts over; the answer for a date never changes in one calendar.
  const working = new Map<IsoDate, boolean>();
  const isWorkingDay = (date: IsoDate) => {
    let answer = working.get(date);
    if (answer === undefined) {
      answer = dayInfo(date).working;
      if (working.size >= 20_000) working.clear();
      working.set(date, answer);
    }
    return answer;
  };

  /**
   * Steps day by day from `start` (exclusive) until `n` working days have passed. Weekends
   * of an unknown year are still skipped; only its holidays are missing, hence provisional.
   */
  function addWorkingDays(start: IsoDate, n: number): CountResult {
    assertInteger(n);
    const step = Math.sign(n);
    let day = toDayNumber(start);
    let remaining = Math.abs(n);
    let provisional = false;
    while (remaining > 0) {
      day += step;
      const date = fromDayNumber(day);
      if (!isYearKnown(yearOf(date))) provisional = true;
      if (isWorkingDay(date)) remaining -= 1;
    }
    return { date: fromDayNumber(day), provisional };
  }

  function workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) if (isWorkingDay(fromDayNumber(day))) count += 1;
    return sign * count;
  }

  return {
    isWorkingDay,
    dayKind: (date) => dayInfo(date).kind,
    dayInfo,
    addWorkingDays,
    // A count of calendar days does not depend on the holiday notice, so it is never provisional.
    addCalendarDays: (start, n) => {
      assertInteger(n);
      return { date: fromDayNumber(toDayNumber(start) + n), provisional: false };
    },
    workingDaysBetween,
    isYearKnown,
    knownYears: () => [...known].sort((x, y) => x - y),
  };
}

function assertInteger(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`天数应为整数：${n}`);
}
