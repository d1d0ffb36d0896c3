/**
 * The State Council holiday arrangements shipped by the `chinese-days` package.
 *
 * We read the package's prebuilt data file rather than its functions on purpose: the
 * functions build their date keys with local-time Date methods, so in a time zone west of
 * UTC every answer moves by one day (with TZ=America/New_York, `getDayDetail('2026-09-30')`
 * reports National Day). The data file is plain 'YYYY-MM-DD' keys, the same in every zone,
 * and works the same on the server and in the browser.
 *
 * The package only knows the years whose notice was out when it was released; anything
 * later is unknown here, and the calendar marks results that touch such a year provisional.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { yearOf, type IsoDate } from './iso-date';

/** One day's entry: "English name,中文名,n", e.g. "National Day,国庆节,3". */
type DayMap = Readonly<Record<IsoDate, string>>;

export interface HolidayData {
  /** Days off announced by the notice (including those that fall on a weekend). */
  holidays: DayMap;
  /** Weekend days announced as working days (调休上班). */
  makeupWorkdays: DayMap;
  /** Years for which the package carries the notice. */
  knownYears: ReadonlySet<number>;
}

function loadPackageData(): HolidayData {
  const raw = chineseDaysData as { holidays: Record<string, string>; workdays: Record<string, string> };
  // Every notice includes New Year's Day, so a year with any holiday entry has its notice.
  const knownYears = new Set(Object.keys(raw.holidays).map(yearOf));
  return { holidays: raw.holidays, makeupWorkdays: raw.workdays, knownYears };
}

/** The package's data, read once at import (it is constant for the process). */
export const packageHolidays: HolidayData = loadPackageData();

/** `holidayNameZh('National Day,国庆节,3')` → '国庆节' */
export function holidayNameZh(entry: string): string {
  return entry.split(',')[1] ?? entry;
}
