/**
 * Calendar-date checks without `Date`: `new Date('2021-02-30')` silently rolls over, and
 * the pure core reads no clock or time zone.
 */

/**
 * True for a real Gregorian date.
 *
 * @example
 * isCalendarDate(2020, 2, 29); // true
 * isCalendarDate(2021, 2, 29); // false
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * True for a `YYYY-MM-DD` string naming a real date.
 *
 * @example
 * isIsoDate('2020-06-30'); // true
 * isIsoDate('2020-6-30');  // false
 */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
