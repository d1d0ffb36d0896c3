/** The deadline board's traffic light. */
import { compareDates, type IsoDate, type WorkCalendar } from '../calendar/index';

export const DEADLINE_STATUSES = ['on_time', 'due_soon', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * 'overdue' once today is past the due day; 'due_soon' when at most `warnWorkingDays`
 * working days remain (the due day itself is due soon); 'on_time' otherwise.
 *
 * @example
 * deadlineStatus('2026-10-29', '2026-10-26', calendar); // → 'due_soon' (27, 28, 29 remain)
 * deadlineStatus('2026-10-29', '2026-10-30', calendar); // → 'overdue'
 */
export function deadlineStatus(due: IsoDate, today: IsoDate, calendar: WorkCalendar, warnWorkingDays = 3): DeadlineStatus {
  if (!Number.isSafeInteger(warnWorkingDays) || warnWorkingDays < 0) throw new RangeError(`提前提醒天数应为非负整数：${warnWorkingDays}`);
  if (compareDates(today, due) > 0) return 'overdue';
  return compareDates(due, firstOnTimeDue(today, calendar, warnWorkingDays)) < 0 ? 'due_soon' : 'on_time';
}

/**
 * The earliest due day that is still 'on_time' today: a deadline is due soon or overdue
 * exactly when it falls before this day, so a list can ask its index for `due < this`.
 * @example firstOnTimeDue('2026-10-26', calendar) // → '2026-10-30' (27, 28, 29 are due soon)
 */
export function firstOnTimeDue(today: IsoDate, calendar: WorkCalendar, warnWorkingDays = 3): IsoDate {
  if (!Number.isSafeInteger(warnWorkingDays) || warnWorkingDays < 0) throw new RangeError(`提前提醒天数应为非负整数：${warnWorkingDays}`);
  // Counting only warn + 1 working days ahead keeps this cheap for a far-off deadline.
  return calendar.addWorkingDays(today, warnWorkingDays + 1).date;
}
