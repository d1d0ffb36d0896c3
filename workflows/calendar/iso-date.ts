/**
 * Calendar days as 'YYYY-MM-DD' strings (CST calendar days, as a bureau reads them).
 * Arithmetic goes through a day number (days since 1970-01-01) built with Date.UTC, so the
 * process's time zone can never shift a day: no local-time Date method is used here.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** `isIsoDate('2026-02-29')` → false (2026 is not a leap year). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  // Date.UTC rolls 02-30 over to March; round-tripping catches any such invalid day.
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/*
 * Deadline counting steps day by day (a clock of 20 working days is ~28 conversions each
 * way), and lists compute a deadline per row: the deadline board at scale spent most of its
 * time validating and formatting the same few hundred dates. Both conversions are pure, so
 * they are remembered; the maps are emptied past MEMO_LIMIT entries (a few decades of days).
 */
const MEMO_LIMIT = 20_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, IsoDate>();

/** `toDayNumber('1970-01-02')` → 1. Throws on anything that is not a real calendar day. */
export function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD 且为有效日期：${String(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d) / MS_PER_DAY;
  if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

/** `fromDayNumber(1)` → '1970-01-02' */
export function fromDayNumber(day: number): IsoDate {
  const known = isoDates.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (isoDates.size >= MEMO_LIMIT) isoDates.clear();
  isoDates.set(day, date);
  return date;
}

/** `addDays('2026-02-28', 1)` → '2026-03-01' */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** `daysBetween('2026-01-01', '2026-01-31')` → 30 (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. `weekdayOf('2026-10-01')` → 4 (Thursday). */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `yearOf('2027-01-04')` → 2027 */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** ISO strings of the same width sort as dates, so plain string comparison is exact. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
